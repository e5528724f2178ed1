import type { SyncTargetState, SyncTargetStatus } from '../../shared/ipc/sync-types';

/** The target's state in one or two words, for the badge. */
export const STATE_LABEL: Record<SyncTargetState, string> = {
  reachable: 'Reachable',
  'not-mounted': 'Not mounted',
  'read-only': 'Read-only',
  full: 'Full',
  error: 'Problem',
};

/** A time as people read it: "today 14:05", "yesterday 09:12", or the date. */
export function whenText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `yesterday ${time}`;
  return `${at.toLocaleDateString()} ${time}`;
}

/** The last run in a sentence: when, and whether it finished or why it stopped. */
export function lastRunText(target: SyncTargetStatus): string {
  if (!target.lastRunAt) return 'Never synced yet.';
  const when = whenText(target.lastRunAt);
  if (target.lastResult === 'ok') return `Last synced ${when}.`;
  return `Last run ${when} stopped: ${target.lastMessage ?? 'for an unknown reason.'}`;
}

export function pendingText(pending: number): string {
  if (pending === 0) return 'Everything is on the share.';
  return pending === 1 ? '1 entry waits to be synced.' : `${pending} entries wait to be synced.`;
}

/** What the progress bar says while a run is under way. */
export function progressText(progress: NonNullable<SyncTargetStatus['progress']>): string {
  const what = progress.phase === 'pdfs' ? 'PDF records' : 'entries';
  return `Syncing ${what}: ${progress.done} of ${progress.total}`;
}
