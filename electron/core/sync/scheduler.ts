/**
 * When syncs run without anyone asking: once at start (after the profile
 * opened) and then every `intervalMs`, each reachable target in turn. A
 * target that is not mounted is looked at again after 1, 2, 4, then at most
 * MAX_SKIP intervals, and said once in the log, not at every tick: a USB
 * disk that stays unplugged all week costs nothing. Runs asked for from the
 * panel go straight to the service and do not wait for the timer.
 */

export interface SchedulerTargets {
  /** Ids of every target of the profile, now. */
  targetIds(): Array<{ id: string; location: string }>;
  /** True when the target's marker is there and names it (cheap: one small read). */
  isMounted(id: string): Promise<boolean>;
  /** Runs (or joins the run under way for) one target; never rejects for a share problem. */
  run(id: string): Promise<{ ok: boolean; failure: { kind: string; message: string } | null }>;
}

/** At most this many intervals between looks at a target that is not mounted. */
export const MAX_SKIP = 6;

export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticks = 0;
  private stopped = true;
  private current: Promise<void> = Promise.resolve();
  /** Per target that was not mounted: how many looks missed it and the tick to look again. */
  private readonly away = new Map<string, { misses: number; lookAt: number }>();
  /** The last failure logged per target, so the same one is not logged at every tick. */
  private readonly logged = new Map<string, string>();

  constructor(
    private readonly targets: SchedulerTargets,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Runs every reachable target now, then on the interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.current = this.tick();
  }

  /** Stops the timer and waits for the tick under way (runs themselves are stopped by the service). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  /** Resolves when the tick under way (if any) has finished: for tests and for closing. */
  whenIdle(): Promise<void> {
    return this.current;
  }

  /** A target that answered again (a run asked for by hand succeeded): no more waiting for it. */
  reachable(id: string): void {
    this.away.delete(id);
  }

  private async tick(): Promise<void> {
    this.ticks += 1;
    try {
      for (const { id, location } of this.targets.targetIds()) {
        if (this.stopped) break;
        const away = this.away.get(id);
        if (away && this.ticks < away.lookAt) continue;
        if (!(await this.targets.isMounted(id))) {
          const misses = (away?.misses ?? 0) + 1;
          this.away.set(id, { misses, lookAt: this.ticks + Math.min(2 ** (misses - 1), MAX_SKIP) });
          this.once(id, 'not-mounted', `Sync: ${location} is not mounted; Persist looks again later.`);
          continue;
        }
        this.away.delete(id);
        const result = await this.targets.run(id);
        if (result.ok) this.once(id, 'ok', null);
        else if (result.failure) this.once(id, result.failure.kind, `Sync to ${location}: ${result.failure.message}`);
      }
    } catch (error) {
      this.log(`Sync: the scheduled run failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick();
    }, this.intervalMs);
    // A timer must not keep a process alive that has nothing else to do (tests, a closing app).
    (this.timer as { unref?: () => void }).unref?.();
  }

  private once(id: string, kind: string, message: string | null): void {
    if (this.logged.get(id) === kind) return;
    this.logged.set(id, kind);
    if (message) this.log(message);
  }
}
