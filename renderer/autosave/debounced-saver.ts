import type { IsoTime } from '../../shared/domain/types';
import { isPermanent, messageOf } from '../api/api-error';
import { type SaveState, sameSaveState } from './save-state';

export interface SaverOptions<T> {
  /** Stores one value; resolves with the time the core recorded. */
  save: (value: T) => Promise<IsoTime>;
  /** Quiet time after the last change before saving. */
  debounceMs: number;
  /** Longest a change may wait while changes keep coming. */
  maxWaitMs: number;
  onState: (state: SaveState) => void;
  /** Delay before the n-th automatic retry after a failure (n starts at 1). */
  retryDelayMs?: (attempt: number) => number;
}

const defaultRetryDelay = (attempt: number) => Math.min(30_000, 1_500 * 2 ** (attempt - 1));

/**
 * Saves the latest value of something being edited, debounced, one request at
 * a time. Each value is a full snapshot, so a newer value simply replaces an
 * unsaved older one. A failed save keeps its value and is retried; nothing the
 * scientist typed is dropped until the core has stored it.
 */
export class DebouncedSaver<T> {
  private pending: { value: T } | null = null;
  private firstPendingAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private lastFailurePermanent = false;
  private lastErrorMessage: string | null = null;
  private closed = false;
  private lastReported: SaveState | null = null;
  private readonly options: SaverOptions<T>;

  constructor(options: SaverOptions<T>) {
    this.options = options;
  }

  /** Records a new value and (re)starts the debounce, bounded by maxWaitMs. */
  update(value: T): void {
    if (this.closed) return;
    this.pending = { value };
    const now = Date.now();
    if (this.firstPendingAt === 0) this.firstPendingAt = now;
    // After a failure the error stays on screen until a save succeeds.
    if (!this.inFlight && this.failures === 0) this.report({ kind: 'pending' });
    const untilMaxWait = this.firstPendingAt + this.options.maxWaitMs - now;
    this.schedule(Math.min(this.options.debounceMs, untilMaxWait));
  }

  /** Why the last save failed, while its value is still unsaved. */
  get errorMessage(): string | null {
    return this.pending ? this.lastErrorMessage : null;
  }

  hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Saves now whatever is pending and waits for it; never throws. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    // The request that just ended may have queued a follow-up; do it now instead.
    this.clearTimer();
    if (this.pending) await this.saveNow();
  }

  /**
   * For leaving the entry: flushes, and if the disk refused, keeps trying a
   * few times in the background. Resolves true once everything is stored.
   */
  async close(attempts = 4): Promise<boolean> {
    await this.flush();
    this.closed = true;
    for (let attempt = 1; this.pending && attempt <= attempts && !this.lastFailurePermanent; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, (this.options.retryDelayMs ?? defaultRetryDelay)(attempt)));
      await this.saveNow();
    }
    this.clearTimer();
    return this.pending === null;
  }

  /** Passes a state on only when it differs from the last one (not on every keystroke). */
  private report(state: SaveState): void {
    if (this.lastReported !== null && sameSaveState(this.lastReported, state)) return;
    this.lastReported = state;
    this.options.onState(state);
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.saveNow();
      },
      Math.max(0, delayMs),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveNow(): Promise<void> {
    // One request at a time: a change made meanwhile is saved when this one ends.
    if (this.inFlight) return this.inFlight;
    const taken = this.pending;
    if (!taken) return;
    this.pending = null;
    this.firstPendingAt = 0;
    if (this.failures === 0) this.report({ kind: 'saving' });
    this.inFlight = this.options.save(taken.value).then(
      (at) => {
        this.failures = 0;
        this.lastFailurePermanent = false;
        this.inFlight = null;
        // A change made during the request has its own debounce timer, unless
        // that timer already fired while this request was out.
        if (this.pending) {
          if (this.timer === null) this.schedule(0);
        } else this.report({ kind: 'saved', at });
      },
      (error: unknown) => {
        this.failures += 1;
        this.inFlight = null;
        this.pending ??= taken;
        this.lastFailurePermanent = isPermanent(error);
        this.lastErrorMessage = messageOf(error);
        const retrying = !this.lastFailurePermanent && !this.closed;
        this.report({ kind: 'error', message: this.lastErrorMessage, retrying });
        if (retrying) this.schedule((this.options.retryDelayMs ?? defaultRetryDelay)(this.failures));
      },
    );
    return this.inFlight;
  }
}
