import crypto from 'node:crypto';
import { canonicalJson } from '../../../shared/record/canonical-json';
import { findChainProblem, type StoredRevision } from '../../../shared/record/revision-record';
import { FolderTarget, TEMP_DIR } from './folder-target';
import { MANIFEST_FILE, RECORD_FILE, isDeviceFolderName } from './layout';
import { parseManifest, type Manifest } from './manifest';
import { parseMarker } from './marker';
import { isRecordPdf } from './pdf-phase';
import { attachedFiles, loadPdfForCheck } from '../pdf/verify';
import { RECORD_FORMAT, type RecordFile } from './record-file';
import type { SyncTarget } from './target';

export interface ShareProblem {
  path: string;
  kind:
    | 'no-marker'
    | 'bad-manifest'
    | 'duplicate-entry'
    | 'missing-file'
    | 'size-mismatch'
    | 'hash-mismatch'
    | 'bad-record'
    | 'broken-chain'
    | 'head-mismatch';
  message: string;
}

export interface ShareReport {
  ok: boolean;
  location: string;
  targetId: string | null;
  devices: Array<{ folder: string; user: string; entries: number; tombstones: number; files: number; bytes: number }>;
  /** record.json files not (yet) listed in a manifest: a run was cut off before rewriting it. Checked all the same. */
  unlisted: string[];
  /**
   * record.json files newer than their manifest line: whole, with an intact
   * chain that contains the listed revision and extends it. A run was cut off
   * between landing the file and rewriting the manifest; the next run lists it.
   */
  ahead: string[];
  /** Device folders whose first sync was cut off before it wrote anything but the folder. */
  unfinished: string[];
  problems: ShareProblem[];
}

/** Checks one record.json's content: format, entry, every revision hash and the chain, and its head. */
function checkRecord(bytes: Buffer, entryId: string, expectedHead: string | null): Omit<ShareProblem, 'path'> | null {
  let file: RecordFile;
  try {
    file = JSON.parse(bytes.toString('utf8')) as RecordFile;
  } catch (error) {
    return { kind: 'bad-record', message: `not valid JSON (${(error as Error).message}): a partial or damaged file` };
  }
  if (file?.format !== RECORD_FORMAT || file.entryId !== entryId || !Array.isArray(file.revisions)) {
    return { kind: 'bad-record', message: 'not a Persist record of this entry' };
  }
  const stored: StoredRevision[] = file.revisions.map((r) => ({
    seq: r.seq,
    entryId,
    canonical: canonicalJson(r.record),
    hash: r.hash,
    prevHash: r.prevHash,
  }));
  const problem = findChainProblem(stored);
  if (problem) return { kind: 'broken-chain', message: `revision ${problem.seq}: ${problem.kind}` };
  const last = file.revisions[file.revisions.length - 1];
  if (!last || last.hash !== file.headHash)
    return { kind: 'head-mismatch', message: 'headHash is not the last revision' };
  // The summary fields outside the revisions are not hashed: they must repeat the head revision.
  const head = last.record;
  if (file.title !== head.title || file.status !== head.status || file.notebook?.id !== head.notebookId) {
    return { kind: 'bad-record', message: 'its title, status or notebook differ from its last revision' };
  }
  if (expectedHead !== null && file.headHash !== expectedHead) {
    return {
      kind: 'head-mismatch',
      message: `holds revision ${file.headHash.slice(0, 16)}…, the manifest says ${expectedHead.slice(0, 16)}…`,
    };
  }
  return null;
}

async function holdsRecords(target: SyncTarget, folder: string): Promise<boolean> {
  for (const name of await target.list(folder)) {
    if (name !== TEMP_DIR && (await target.stat(`${folder}/${name}/${RECORD_FILE}`))) return true;
  }
  return false;
}

/** True when a record is whole and intact and its chain passes through `listedHash` and goes on past it. */
function isAhead(bytes: Buffer, entryId: string, listedHash: string): boolean {
  if (checkRecord(bytes, entryId, null) !== null) return false;
  const file = JSON.parse(bytes.toString('utf8')) as RecordFile;
  const at = file.revisions.findIndex((r) => r.hash === listedHash);
  return at >= 0 && at < file.revisions.length - 1;
}

/**
 * True when a record.pdf that differs from its manifest line is a newer
 * print of this entry: a whole PDF whose attached record is one of the
 * revisions in the entry's record.json on the share. A run cut off between
 * printing it and rewriting the manifest leaves exactly that.
 */
async function isPdfAhead(
  target: SyncTarget,
  folder: string,
  entryId: string,
  bytes: Buffer,
  listedRevision: string | undefined,
): Promise<boolean> {
  let hashes: Set<string>;
  try {
    const record = JSON.parse(
      (await target.readFile(`${folder}/${entryId}/${RECORD_FILE}`)).toString('utf8'),
    ) as RecordFile;
    const order = record.revisions.map((r) => r.hash);
    // Only revisions after the one the manifest lists: an older print swapped in is damage, not progress.
    hashes = new Set(order.slice(listedRevision ? order.indexOf(listedRevision) + 1 : 0));
  } catch {
    return false;
  }
  try {
    const doc = await loadPdfForCheck(bytes);
    return attachedFiles(doc).some(
      (f) => f.name.endsWith('.json') && hashes.has(crypto.createHash('sha256').update(f.bytes).digest('hex')),
    );
  } catch {
    return false;
  }
}

/**
 * Recomputes every hash on a share against its manifests, without any
 * profile: each listed file's size and SHA-256, each record's revision chain
 * and head, duplicate entries; record files no manifest lists yet are
 * checked too and named.
 */
export async function verifyShare(
  location: string,
  target: SyncTarget = new FolderTarget(location),
): Promise<ShareReport> {
  const report: ShareReport = {
    ok: false,
    location: target.location,
    targetId: null,
    devices: [],
    unlisted: [],
    ahead: [],
    unfinished: [],
    problems: [],
  };
  const markerText = await target.readMarker();
  const marker = markerText === null ? null : parseMarker(markerText);
  if (!marker) {
    report.problems.push({
      path: '.persist-target.json',
      kind: 'no-marker',
      message: markerText === null ? 'no marker: not a Persist share, or not mounted' : 'the marker is not readable',
    });
    return report;
  }
  report.targetId = marker.targetId;
  for (const folder of (await target.list('')).sort()) {
    if (!isDeviceFolderName(folder)) continue;
    const manifestPath = `${folder}/${MANIFEST_FILE}`;
    let manifest: Manifest;
    try {
      manifest = parseManifest((await target.readFile(manifestPath)).toString('utf8'));
    } catch (error) {
      // A first sync writes its (empty) manifest before any record: a folder with no manifest
      // and no record was cut off right at its start; one with records lost its manifest.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await holdsRecords(target, folder))) {
        report.unfinished.push(folder);
        continue;
      }
      report.problems.push({ path: manifestPath, kind: 'bad-manifest', message: (error as Error).message });
      continue;
    }
    const device = { folder, user: manifest.user, entries: 0, tombstones: 0, files: 0, bytes: 0 };
    report.devices.push(device);
    const seen = new Set<string>();
    for (const entry of manifest.entries) {
      if (seen.has(entry.id)) {
        report.problems.push({
          path: manifestPath,
          kind: 'duplicate-entry',
          message: `entry ${entry.id} is listed twice`,
        });
        continue;
      }
      seen.add(entry.id);
      device.entries += 1;
      if (entry.tombstone) device.tombstones += 1;
      for (const listed of entry.files) {
        const path = `${folder}/${listed.path}`;
        let bytes: Buffer;
        try {
          bytes = await target.readFile(path);
        } catch {
          report.problems.push({ path, kind: 'missing-file', message: 'listed in the manifest but not on the share' });
          continue;
        }
        device.files += 1;
        device.bytes += bytes.length;
        const sha = crypto.createHash('sha256').update(bytes).digest('hex');
        const differs = sha !== listed.sha256 || bytes.length !== listed.size;
        if (
          differs &&
          (isRecordPdf(listed.path)
            ? await isPdfAhead(target, folder, entry.id, bytes, listed.revisionHash)
            : isAhead(bytes, entry.id, entry.revisionHash))
        ) {
          report.ahead.push(path);
          continue;
        }
        if (bytes.length !== listed.size) {
          report.problems.push({
            path,
            kind: 'size-mismatch',
            message: `${bytes.length} bytes, the manifest says ${listed.size}`,
          });
          continue;
        }
        if (sha !== listed.sha256) {
          report.problems.push({
            path,
            kind: 'hash-mismatch',
            message: `SHA-256 ${sha.slice(0, 16)}…, the manifest says ${listed.sha256.slice(0, 16)}…`,
          });
          continue;
        }
        if (listed.path.endsWith(`/${RECORD_FILE}`)) {
          const problem = checkRecord(bytes, entry.id, entry.revisionHash);
          if (problem) report.problems.push({ path, ...problem });
        }
      }
    }
    // Entry folders the manifest does not list yet: their record must still be whole.
    for (const name of (await target.list(folder)).sort()) {
      if (seen.has(name) || name === TEMP_DIR || name.includes('.')) continue;
      const path = `${folder}/${name}/${RECORD_FILE}`;
      const stat = await target.stat(path);
      if (!stat) continue;
      report.unlisted.push(path);
      const problem = checkRecord(await target.readFile(path), name, null);
      if (problem) report.problems.push({ path, ...problem });
    }
  }
  report.ok = report.problems.length === 0;
  return report;
}
