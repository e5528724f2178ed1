import path from 'node:path';
import { PersistError } from '../../../shared/ipc/errors';
import type { CoreContext } from '../context';
import { classifyFileError } from './errors';
import { FolderTarget } from './folder-target';
import { MARKER_FILE, markerText, parseMarker } from './marker';
import { insertTargetRow, listTargetRows, targetRowByLocation, type TargetRow } from './state';

export interface TargetInfo {
  id: string;
  kind: string;
  location: string;
  addedAt: string;
  lastRunAt: string | null;
  lastResult: string | null;
  lastMessage: string | null;
}

/** A target's row as the rest of the core sees it. */
export function toInfo(row: TargetRow): TargetInfo {
  return {
    id: row.id,
    kind: row.kind,
    location: row.location,
    addedAt: row.added_at,
    lastRunAt: row.last_run_at,
    lastResult: row.last_result,
    lastMessage: row.last_message,
  };
}

/**
 * Sets an existing folder up as a sync target: writes the marker (or adopts
 * the one another PC already wrote, so several PCs share one target id) and
 * remembers the folder in the profile. Never creates the folder itself.
 */
export async function addFolderTarget(ctx: CoreContext, folder: string): Promise<TargetInfo> {
  const location = path.resolve(folder);
  const target = new FolderTarget(location);
  if (!(await target.rootExists())) {
    throw new PersistError(
      'not_found',
      `The folder ${location} does not exist. Persist never creates a share's root folder: mount the share or create the folder, then add it.`,
    );
  }
  let targetId: string;
  const existingText = await target.readMarker();
  if (existingText !== null) {
    const marker = parseMarker(existingText);
    if (!marker) {
      throw new PersistError(
        'conflict',
        `${path.join(location, MARKER_FILE)} exists but is not a Persist marker; it was left as it is.`,
      );
    }
    targetId = marker.targetId;
  } else {
    targetId = ctx.newId();
    try {
      await target.writeMarker(markerText(targetId, ctx.now()));
    } catch (error) {
      throw classifyFileError(error, location, true);
    }
  }
  const known = targetRowByLocation(ctx, location);
  if (known) {
    if (known.id !== targetId) {
      throw new PersistError(
        'conflict',
        `${location} is already a target of this profile under another id (${known.id}); its marker says ${targetId}.`,
      );
    }
    return toInfo(known);
  }
  insertTargetRow(ctx, targetId, 'folder', location);
  return toInfo(targetRowByLocation(ctx, location)!);
}

export function listTargets(ctx: CoreContext): TargetInfo[] {
  return listTargetRows(ctx).map(toInfo);
}

/** The set-up target at a folder, or a clear refusal for a folder that is not one. */
export function findFolderTarget(ctx: CoreContext, folder: string): TargetInfo {
  const location = path.resolve(folder);
  const row = targetRowByLocation(ctx, location);
  if (!row) {
    throw new PersistError(
      'not_found',
      `${location} is not a sync target of this profile. Set it up first with "persist target add --profile DIR ${location}".`,
    );
  }
  return toInfo(row);
}
