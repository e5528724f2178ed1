import type { SyncTargetState } from '../../../shared/ipc/sync-types';
import { FolderTarget } from './folder-target';
import { parseMarker } from './marker';
import type { SyncTarget } from './target';
import type { TargetInfo } from './targets';

/** Below this much free space a target counts as full: a record with its pictures would not fit. */
export const FULL_BELOW_BYTES = 16 * 1024 * 1024;

/**
 * Looks at a target now, writing nothing: is the share there (its marker,
 * naming this target), can it be written to, is there room. What the panel
 * shows; the last run's outcome is reported beside it, not instead of it.
 */
export async function probeTarget(
  info: TargetInfo,
  target: SyncTarget = new FolderTarget(info.location),
): Promise<{ state: SyncTargetState; message: string }> {
  try {
    const text = (await target.rootExists()) ? await target.readMarker() : null;
    if (text === null) {
      return {
        state: 'not-mounted',
        message: `The shared folder is not there right now (not mounted, or unplugged). Nothing is written; the sync runs when it is back.`,
      };
    }
    const marker = parseMarker(text);
    if (marker?.targetId !== info.id) {
      return {
        state: 'error',
        message: marker
          ? `This folder is now marked as another target (${marker.targetId}). Nothing is written to it; remove this target and add the folder again if that is intended.`
          : "The folder's Persist marker file (.persist-target.json) cannot be read. Nothing is written to it.",
      };
    }
    const { writable, freeBytes } = await target.probe();
    if (!writable) {
      return {
        state: 'read-only',
        message:
          'The shared folder is read-only: Persist may not write to it. Ask for write access, or mount it writable.',
      };
    }
    if (freeBytes !== null && freeBytes < FULL_BELOW_BYTES) {
      return {
        state: 'full',
        message: `The shared folder is full (${Math.floor(freeBytes / 1024)} KiB free). Free some space; the sync resumes where it stopped.`,
      };
    }
    return { state: 'reachable', message: 'The shared folder is reachable.' };
  } catch (error) {
    return {
      state: 'error',
      message: `The shared folder cannot be checked: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
