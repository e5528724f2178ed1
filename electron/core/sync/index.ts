/** Sync to shared storage: the engine, its targets and the share checker (see docs/SYNC.md). */
export { runSync, type SyncOptions, type SyncProgress, type SyncReport } from './engine';
export { SyncService, DEFAULT_SYNC_INTERVAL_MS, type SyncHost, type SyncProgressEvent } from './service';
export { SyncScheduler } from './scheduler';
export { addFolderTarget, findFolderTarget, listTargets, type TargetInfo } from './targets';
export { verifyShare, type ShareProblem, type ShareReport } from './verify-share';
export { FolderTarget } from './folder-target';
export { NODE_FILE_OPS, type FileOps } from './file-ops';
export { SyncError, type SyncFailureKind } from './errors';
export type { SyncTarget } from './target';
