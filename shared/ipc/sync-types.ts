/**
 * What the sync channels (sync.targets, sync.addTarget, sync.run) return:
 * plain data for the sync panel. See docs/SYNC.md.
 */

/**
 * A target as the panel shows it, found by looking now (never from the last
 * run alone): reachable, not mounted (no marker: the share is not there),
 * read-only, full (less than a few MiB free), or an error (the folder is
 * marked as another target, or cannot be read).
 */
export const SYNC_TARGET_STATES = ['reachable', 'not-mounted', 'read-only', 'full', 'error'] as const;
export type SyncTargetState = (typeof SYNC_TARGET_STATES)[number];

/** Why the last run stopped ('ok' when it finished), in the engine's words. */
export type SyncRunResult = 'ok' | 'not-mounted' | 'read-only' | 'full' | 'refused' | 'other';

export const SYNC_PHASES = ['records', 'pdfs', 'done'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export interface SyncTargetStatus {
  id: string;
  kind: string;
  /** The folder (later a URL) as the person chose it. */
  location: string;
  addedAt: string;
  state: SyncTargetState;
  /** The state in a sentence a person can act on. */
  stateMessage: string;
  lastRunAt: string | null;
  lastResult: SyncRunResult | null;
  lastMessage: string | null;
  /** Entries whose latest revision the target does not hold yet. */
  pending: number;
  /** A run is under way (started by the panel, the timer or at start). */
  running: boolean;
  /** The running run's progress, when one is under way. */
  progress: { phase: SyncPhase; done: number; total: number } | null;
}

export interface SyncTargetList {
  targets: SyncTargetStatus[];
  /** True where the host has a folder picker (Electron); elsewhere the path is typed. */
  canChooseFolder: boolean;
  /** How often every reachable target is synced (ms); 0 when nothing runs on a timer (the CLI). */
  intervalMs: number;
}

/** The outcome of one run, for the panel and the CLI. */
export interface SyncRunSummary {
  ok: boolean;
  targetId: string;
  pending: number;
  written: number;
  tombstones: number;
  attachmentsWritten: number;
  /** Attachments not copied (missing or damaged in this profile), in words. */
  attachmentProblems: string[];
  pdf: { pending: number; written: number; failed: number; message: string | null } | null;
  durationMs: number;
  failure: { kind: Exclude<SyncRunResult, 'ok'>; message: string } | null;
}
