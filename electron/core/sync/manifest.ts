/**
 * manifest.json, one per device folder: every entry this device synced to
 * the share, with the files that hold it, their sizes and SHA-256, and the
 * revision hash they contain. `persist verify-share` checks a share against
 * its manifests without the profile; the engine reads it to notice a share
 * that was emptied behind its back.
 */
export const MANIFEST_FORMAT = 'persist-sync-manifest/1';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
  /** For record.pdf: the revision it was printed from (it may lag record.json until the next run). */
  revisionHash?: string;
}

export interface ManifestEntry {
  id: string;
  title: string;
  notebook: string;
  status: 'active' | 'trashed';
  /** True for an entry in the trash: its files stay, marked as no longer current. */
  tombstone: boolean;
  revisionHash: string;
  revisionCount: number;
  syncedAt: string;
  files: ManifestFile[];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  targetId: string;
  deviceId: string;
  user: string;
  updatedAt: string;
  entries: ManifestEntry[];
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

export class ManifestError extends Error {}

/** Parses a manifest, refusing anything that is not one (never "repaired"). */
export function parseManifest(text: string): Manifest {
  let value: Partial<Manifest> | null;
  try {
    value = JSON.parse(text) as Partial<Manifest> | null;
  } catch (error) {
    throw new ManifestError(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  if (value?.format !== MANIFEST_FORMAT || !Array.isArray(value.entries)) {
    throw new ManifestError(`manifest.json is not a Persist manifest (format ${JSON.stringify(value?.format)})`);
  }
  for (const entry of value.entries) {
    if (typeof entry?.id !== 'string' || typeof entry.revisionHash !== 'string' || !Array.isArray(entry.files)) {
      throw new ManifestError('manifest.json has an entry without id, revisionHash or files');
    }
  }
  return value as Manifest;
}

/** Same entry content (what was synced), ignoring nothing: used to skip rewriting an unchanged manifest. */
export function sameEntries(a: readonly ManifestEntry[], b: readonly ManifestEntry[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
