/**
 * The marker file Persist writes into a folder when the user sets it up as a
 * target. Its presence is how a sync tells "the share is mounted" from "the
 * mount point is an empty folder": no marker, no sync.
 */
export const MARKER_FILE = '.persist-target.json';
export const MARKER_FORMAT = 'persist-sync-target/1';

export interface Marker {
  format: typeof MARKER_FORMAT;
  targetId: string;
  createdAt: string;
}

export function markerText(targetId: string, createdAt: string): string {
  const marker: Marker = { format: MARKER_FORMAT, targetId, createdAt };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** The marker's target id, or null when the text is not a Persist marker. */
export function parseMarker(text: string): Marker | null {
  try {
    const value = JSON.parse(text) as Partial<Marker> | null;
    if (value?.format !== MARKER_FORMAT || typeof value.targetId !== 'string' || value.targetId === '') return null;
    return { format: MARKER_FORMAT, targetId: value.targetId, createdAt: String(value.createdAt ?? '') };
  } catch {
    return null;
  }
}
