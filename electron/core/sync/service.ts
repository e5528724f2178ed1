import { PersistError } from '../../../shared/ipc/errors';
import type {
  SyncPhase,
  SyncRunResult,
  SyncRunSummary,
  SyncTargetList,
  SyncTargetStatus,
} from '../../../shared/ipc/sync-types';
import type { CoreContext } from '../context';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import { runSync, type SyncOptions, type SyncReport } from './engine';
import { FolderTarget } from './folder-target';
import { parseMarker } from './marker';
import { SyncScheduler } from './scheduler';
import { countPending, deleteTargetRows, targetRowById } from './state';
import { checkTargetFolder } from './target-folder';
import { probeTarget } from './target-state';
import { addFolderTarget, listTargets, toInfo, type TargetInfo } from './targets';

/** The 'sync.progress' event's payload. */
export interface SyncProgressEvent {
  targetId: string;
  phase: SyncPhase;
  done: number;
  total: number;
}

/** What a host gives sync: where progress goes, its folder picker and PDF renderer if it has them. */
export interface SyncHost {
  /** Sends 'sync.progress' to the app's windows. */
  progress?: (event: SyncProgressEvent) => void;
  /** The system's folder picker (Electron's main process); null when the person cancelled. */
  chooseFolder?: () => Promise<string | null>;
  /** Prints record.pdf beside each record (optional; see SyncOptions.pdfRenderer). */
  pdfRenderer?: () => Promise<PdfRenderer>;
  /** How often the scheduler syncs every reachable target (default 5 minutes). */
  intervalMs?: number;
  /** Where the scheduler says what it could not do (default: console.warn). */
  log?: (message: string) => void;
  /** Engine options for tests and the benchmark (retry policy, concurrency). */
  engine?: Pick<SyncOptions, 'retry' | 'concurrency' | 'manifestEveryMs' | 'stateBatch'>;
}

export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;
/** Progress events at most this often (the last one of a phase always goes). */
const PROGRESS_EVERY_MS = 100;

interface Run {
  promise: Promise<SyncRunSummary>;
  /** Updated in place as entries land. */
  progress: { phase: SyncPhase; done: number; total: number };
  abort: AbortController;
}

function summaryOf(report: SyncReport): SyncRunSummary {
  return {
    ok: report.ok,
    targetId: report.targetId,
    pending: report.pending,
    written: report.written,
    tombstones: report.tombstones,
    attachmentsWritten: report.attachmentsWritten,
    attachmentProblems: report.attachmentProblems,
    pdf: report.pdf,
    durationMs: report.durationMs,
    failure: report.failure,
  };
}

/**
 * Sync as the app uses it: the sync.* channels, one run at a time per
 * target (a second request joins the run under way), progress pushed to the
 * host, and the scheduler that hosts with a window start (the CLI does not).
 */
export class SyncService {
  private readonly runs = new Map<string, Run>();
  private scheduler: SyncScheduler | null = null;
  private closed = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly host: SyncHost = {},
  ) {}

  get intervalMs(): number {
    return this.host.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  }

  /** sync.targets: every target with its state looked up now, last run and pending count. */
  async targets(): Promise<SyncTargetList> {
    const targets = await Promise.all(listTargets(this.ctx).map((info) => this.statusOf(info)));
    return {
      targets,
      canChooseFolder: this.host.chooseFolder !== undefined,
      intervalMs: this.scheduler ? this.intervalMs : 0,
    };
  }

  /** sync.addTarget: checks the folder, writes its marker (or adopts one) and remembers it. */
  async addTarget(folder: string): Promise<SyncTargetStatus> {
    const location = await checkTargetFolder(folder, this.ctx.profileDir);
    return this.statusOf(await addFolderTarget(this.ctx, location));
  }

  /** sync.removeTarget: forgets the target; nothing on the share is touched, its marker stays. */
  async removeTarget(targetId: string): Promise<{ removed: string }> {
    const row = this.rowOf(targetId);
    const run = this.runs.get(targetId);
    if (run) {
      run.abort.abort();
      await run.promise;
    }
    deleteTargetRows(this.ctx, targetId);
    return { removed: row.location };
  }

  /** sync.chooseFolder: the host's folder picker, where there is one. */
  async chooseFolder(): Promise<{ path: string | null }> {
    if (!this.host.chooseFolder) {
      throw new PersistError('unavailable', "This window has no folder picker: type the folder's full path instead.");
    }
    return { path: await this.host.chooseFolder() };
  }

  /** sync.run: syncs one target now, or joins the run already under way for it. */
  run(targetId: string): Promise<SyncRunSummary> {
    const row = this.rowOf(targetId);
    const running = this.runs.get(targetId);
    if (running) return running.promise;
    if (this.closed) {
      return Promise.reject(new PersistError('unavailable', 'Sync is stopping: the profile is being closed.'));
    }
    const abort = new AbortController();
    const progress: Run['progress'] = { phase: 'records', done: 0, total: 0 };
    let lastSent = 0;
    const emit = (phase: SyncPhase, done: number, total: number, force: boolean) => {
      Object.assign(progress, { phase, done, total });
      const now = Date.now();
      if (!force && now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      try {
        this.host.progress?.({ targetId, phase, done, total });
      } catch {
        // A window that went away must not stop the sync.
      }
    };
    const info = toInfo(row);
    const promise = runSync(this.ctx, info, {
      ...this.host.engine,
      pdfRenderer: this.host.pdfRenderer,
      signal: abort.signal,
      onProgress: (p) => emit(p.phase, p.done, p.total, p.done === 0 || p.done === p.total),
    })
      .then((report) => {
        if (report.ok) this.scheduler?.reachable(targetId);
        return summaryOf(report);
      })
      .finally(() => {
        this.runs.delete(targetId);
        emit('done', progress.done, progress.total, true);
      });
    this.runs.set(targetId, { promise, progress, abort });
    return promise;
  }

  /** Starts the scheduler: a run of every reachable target now, then every intervalMs. */
  start(): void {
    if (this.closed) return;
    this.scheduler ??= new SyncScheduler(
      {
        targetIds: () => listTargets(this.ctx).map((t) => ({ id: t.id, location: t.location })),
        isMounted: (id) => this.isMounted(id),
        run: (id) =>
          this.run(id).catch((error: unknown) => ({
            ok: false,
            failure: { kind: 'other', message: error instanceof Error ? error.message : String(error) },
          })),
      },
      this.intervalMs,
      this.host.log ?? ((message) => console.warn(message)),
    );
    this.scheduler.start();
  }

  /** The scheduler, once started (tests wait on it). */
  get schedule(): SyncScheduler | null {
    return this.scheduler;
  }

  /** Stops the timer and every run between two entries; resolves once they have stopped. Call before closing the profile. */
  async stop(): Promise<void> {
    this.closed = true;
    const stopping = this.scheduler?.stop();
    for (const run of this.runs.values()) run.abort.abort();
    await Promise.allSettled([stopping, ...[...this.runs.values()].map((r) => r.promise)]);
  }

  private rowOf(targetId: string) {
    const row = targetRowById(this.ctx, targetId);
    if (!row)
      throw new PersistError('not_found', 'No sync target with that id in this profile (it may have been removed).');
    return row;
  }

  private async isMounted(targetId: string): Promise<boolean> {
    const row = targetRowById(this.ctx, targetId);
    if (!row) return false;
    const text = await new FolderTarget(row.location).readMarker().catch(() => null);
    return text !== null && parseMarker(text)?.targetId === targetId;
  }

  private async statusOf(info: TargetInfo): Promise<SyncTargetStatus> {
    const { state, message } = await probeTarget(info);
    const run = this.runs.get(info.id);
    return {
      id: info.id,
      kind: info.kind,
      location: info.location,
      addedAt: info.addedAt,
      state,
      stateMessage: message,
      lastRunAt: info.lastRunAt,
      lastResult: info.lastResult as SyncRunResult | null,
      lastMessage: info.lastMessage,
      pending: countPending(this.ctx, info.id),
      running: run !== undefined,
      progress: run ? { ...run.progress } : null,
    };
  }
}
