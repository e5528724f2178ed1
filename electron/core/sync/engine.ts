import crypto from 'node:crypto';
import type { CoreContext } from '../context';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import { syncAttachment } from './attachment-files';
import { SyncError, classifyFileError, type SyncFailureKind } from './errors';
import { FolderTarget } from './folder-target';
import { indexCsv, indexHtml } from './index-files';
import { INDEX_CSV, INDEX_HTML, MANIFEST_FILE, deviceFolderName, recordPath } from './layout';
import {
  MANIFEST_FORMAT,
  ManifestError,
  manifestText,
  parseManifest,
  sameEntries,
  type Manifest,
  type ManifestEntry,
  type ManifestFile,
} from './manifest';
import { parseMarker } from './marker';
import { isRecordPdf, syncPdfs, type PdfPhaseReport } from './pdf-phase';
import { buildRecordFile } from './record-file';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import {
  countStateRows,
  deviceId,
  extraFilesOf,
  manifestEntryOf,
  recordRunResult,
  saveLanded,
  type SyncStateRow,
} from './state';
import type { SyncTarget } from './target';
import type { TargetInfo } from './targets';

export interface SyncProgress {
  /** 'records': record.json files and attachments; 'pdfs': record.pdf files, after all records. */
  phase: 'records' | 'pdfs';
  done: number;
  total: number;
}

export interface SyncOptions {
  /** The target to write through; a FolderTarget at the target's location by default. */
  target?: SyncTarget;
  /** Called after each entry lands (the payload of the 'sync.progress' event). */
  onProgress?: (progress: SyncProgress) => void;
  retry?: RetryPolicy;
  /** During a long run the manifest is rewritten this often, so the share stays close to current. */
  manifestEveryMs?: number;
  /** Landed entries are recorded in SQLite in batches of this size (one fsync'ed transaction each). */
  stateBatch?: number;
  /** Files written at once (default 8); 1 writes strictly one after another. */
  concurrency?: number;
  /** Temporary files of cut-off writes older than this are discarded at the start of a run. */
  staleTempMs?: number;
  /**
   * The host's PDF renderer, when it has one (Electron, the test harness):
   * then each entry's record.pdf is printed after every record.json landed.
   * Without it, or when printing fails, the records sync all the same.
   */
  pdfRenderer?: () => Promise<PdfRenderer>;
  /** Stops the run between two entries (the app is closing, the target is being removed). */
  signal?: AbortSignal;
}

export interface SyncReport {
  ok: boolean;
  targetId: string;
  location: string;
  deviceFolder: string;
  /** Entries whose latest revision the target did not hold at the start. */
  pending: number;
  /** record.json files written in this run. */
  written: number;
  /** Of those, entries in the trash (marked as tombstones in the manifest). */
  tombstones: number;
  /** Attachment files copied to the share in this run. */
  attachmentsWritten: number;
  /** Attachments not copied, in words: missing from this profile or damaged there (their records synced). */
  attachmentProblems: string[];
  /** record.pdf files; null when the host has no PDF renderer (or the run stopped before). */
  pdf: PdfPhaseReport | null;
  manifestWritten: boolean;
  discardedTempFiles: number;
  durationMs: number;
  failure: { kind: SyncFailureKind; message: string } | null;
}

interface EntryHead {
  id: string;
  head_hash: string;
  state_hash: string | null;
  state_sha: string | null;
  state_extra: string | null;
}

function stopped(): SyncError {
  return new SyncError('other', 'The sync was stopped before it finished; the next run resumes where it stopped.');
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** True when the manifest lists the same files beside record.json as SQLite (cheap for the usual none). */
function sameExtraFiles(listed: readonly ManifestFile[], stateExtra: string | null): boolean {
  const extra = stateExtra ?? '[]';
  if (listed.length <= 1) return extra === '[]';
  return JSON.stringify(listed.slice(1)) === JSON.stringify(extraFilesOf({ extra_files: extra }));
}

/** True while the marker can still be read: tells a vanished share from other failures. */
async function markerPresent(target: SyncTarget): Promise<boolean> {
  try {
    return (await target.readMarker()) !== null;
  } catch {
    return false;
  }
}

/**
 * Syncs every entry whose latest revision the target does not hold yet.
 *
 * Safe by construction: each file lands atomically before SQLite records it;
 * a run cut off anywhere leaves files that are whole and state that lags at
 * worst, so the next run rewrites a few identical files and nothing else. A
 * missing marker, an emptied device folder or a foreign manifest stops the
 * run before it writes anything. Files on the share are never deleted.
 */
export async function runSync(ctx: CoreContext, info: TargetInfo, options: SyncOptions = {}): Promise<SyncReport> {
  const started = Date.now();
  const target = options.target ?? new FolderTarget(info.location);
  const retry = options.retry ?? DEFAULT_RETRY;
  const folder = deviceFolderName(deviceId(ctx), ctx.user);
  const report: SyncReport = {
    ok: false,
    targetId: info.id,
    location: info.location,
    deviceFolder: folder,
    pending: 0,
    written: 0,
    tombstones: 0,
    attachmentsWritten: 0,
    attachmentProblems: [],
    pdf: null,
    manifestWritten: false,
    discardedTempFiles: 0,
    durationMs: 0,
    failure: null,
  };
  const landed: SyncStateRow[] = [];
  // Rows are recorded only once the target has made their files durable (one commit per batch).
  const flushLanded = async () => {
    if (landed.length === 0) return;
    const rows = landed.splice(0);
    await commitOrClassify(target, retry);
    saveLanded(ctx, info.id, rows);
  };
  try {
    const manifest = await openShare(ctx, target, info, folder, retry);
    report.discardedTempFiles = await target.discardInterruptedWrites(folder, options.staleTempMs ?? 10 * 60_000);

    const current = new Map<string, ManifestEntry>(manifest.entries.map((e) => [e.id, e]));
    const { pending, unlisted } = pendingEntries(ctx, info.id, current);
    let adopted = 0;
    // Landed in a run cut off before its manifest was rewritten: list them if the file is the one recorded.
    for (const row of unlisted) {
      if (await holdsFile(target, `${folder}/${recordPath(row.entry_id)}`, row.file_sha256)) {
        current.set(row.entry_id, manifestEntryOf(row));
        adopted += 1;
      } else {
        pending.push(row.entry_id);
      }
    }
    pending.sort();
    report.pending = pending.length;

    const batch = options.stateBatch ?? 100;
    const manifestEvery = options.manifestEveryMs ?? 5_000;
    let lastManifest = Date.now();
    const changed = pending.length > 0 || adopted > 0;
    let next = 0;
    let done = 0;
    let stop: unknown = null;
    let manifestBusy = false;
    // A failing progress listener (a closed window) must not stop the sync.
    const progress = (phase: SyncProgress['phase'], d: number, total: number) => {
      try {
        options.onProgress?.({ phase, done: d, total });
      } catch {
        // ignored on purpose
      }
    };
    progress('records', 0, pending.length);
    const write = (path: string, bytes: Uint8Array) => writeOrClassify(target, retry, path, bytes);
    // A few files in flight at once: a share (or a local disk) commits concurrent fsyncs together.
    const worker = async () => {
      while (stop === null && next < pending.length && !options.signal?.aborted) {
        const id = pending[next++]!;
        // One turn of the event loop per entry: an autosave waiting in the queue goes first.
        await nextTurn();
        const built = buildRecordFile(ctx, id, ctx.now());
        if (!built) continue;
        try {
          // Attachments first, record.json last: a record on the share never names a file that is not there.
          const extra = await syncEntryAttachments(id, built.attachments);
          built.state.extra_files = JSON.stringify(extra);
          await write(`${folder}/${recordPath(id)}`, built.bytes);
          landed.push(built.state);
          current.set(id, manifestEntryOf(built.state));
          report.written += 1;
          if (built.state.status === 'trashed') report.tombstones += 1;
          done += 1;
          progress('records', done, pending.length);
          if (landed.length >= batch) await flushLanded();
          if (!manifestBusy && Date.now() - lastManifest >= manifestEvery) {
            manifestBusy = true;
            try {
              await flushLanded();
              await writeManifest(target, retry, folder, { ...manifest, entries: sortedEntries(current) }, ctx.now());
            } finally {
              lastManifest = Date.now();
              manifestBusy = false;
            }
          }
        } catch (error) {
          stop ??= error;
          return;
        }
      }
    };
    /** The entry's attachments on the share, and its record.pdf of an earlier revision (still there, still listed). */
    const syncEntryAttachments = async (id: string, shas: readonly string[]): Promise<ManifestFile[]> => {
      const before = current.get(id)?.files ?? [];
      const known = new Map(before.map((f) => [f.path, f]));
      const files: ManifestFile[] = [];
      for (const sha of shas) {
        const outcome = await syncAttachment(ctx, target, folder, id, sha, known, write);
        if (outcome.kind === 'unavailable') {
          report.attachmentProblems.push(outcome.message);
          continue;
        }
        files.push(outcome.file);
        if (outcome.written) report.attachmentsWritten += 1;
      }
      const pdf = before.find((f) => isRecordPdf(f.path));
      return pdf ? [...files, pdf] : files;
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
    await flushLanded();
    if (stop !== null) throw stop;
    if (options.signal?.aborted) throw stopped();

    let entries = changed ? sortedEntries(current) : manifest.entries;
    if (changed && !sameEntries(entries, manifest.entries)) {
      await writeManifest(target, retry, folder, { ...manifest, entries }, ctx.now());
      report.manifestWritten = true;
    }
    if (options.pdfRenderer && !options.signal?.aborted) {
      const phase = await syncPdfs(
        ctx,
        info.id,
        folder,
        current,
        options.pdfRenderer,
        // One PDF at a time, each recorded as soon as it is durable.
        (path, bytes) => write(path, bytes).then(() => commitOrClassify(target, retry)),
        (d, total) => progress('pdfs', d, total),
        options.signal,
      );
      report.pdf = phase.report;
      if (phase.failure) throw phase.failure;
      if (phase.report.written > 0) {
        entries = sortedEntries(current);
        await writeManifest(target, retry, folder, { ...manifest, entries }, ctx.now());
        report.manifestWritten = true;
      }
    }
    report.ok = true;
  } catch (error) {
    // Whatever landed durably before the failure did land: record it, so the next run skips it.
    // (If even that commit fails, those rows stay unrecorded and the next run rewrites the same files.)
    await flushLanded().catch(() => undefined);
    const failure =
      error instanceof SyncError ? error : classifyFileError(error, info.location, await markerPresent(target));
    report.failure = { kind: failure.kind, message: failure.message };
  }
  report.durationMs = Date.now() - started;
  recordRunResult(ctx, info.id, report.ok ? 'ok' : (report.failure?.kind ?? 'other'), report.failure?.message ?? null);
  return report;
}

function sortedEntries(map: Map<string, ManifestEntry>): ManifestEntry[] {
  return [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Checks that the share is there, is this target, and still holds what the
 * profile believes it synced; returns this device's manifest (writing an
 * empty one on the very first run, before any record, so that a missing
 * manifest later always means "emptied", never "cut off before the first").
 */
async function openShare(
  ctx: CoreContext,
  target: SyncTarget,
  info: TargetInfo,
  folder: string,
  retry: RetryPolicy,
): Promise<Manifest> {
  const markerText = await withRetry(retry, () => target.readMarker()).catch(() => null);
  if (markerText === null) {
    throw new SyncError(
      'not-mounted',
      `The shared folder ${info.location} is not mounted (its marker file is missing). Nothing was written; the sync will run when it is back.`,
    );
  }
  const marker = parseMarker(markerText);
  if (!marker || marker.targetId !== info.id) {
    throw new SyncError(
      'refused',
      `The folder ${info.location} is marked as another target (${marker?.targetId ?? 'unreadable marker'}), not ${info.id}. Nothing was written.`,
    );
  }
  const path = `${folder}/${MANIFEST_FILE}`;
  let text: string | null;
  try {
    text = (await withRetry(retry, () => target.readFile(path))).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    text = null;
  }
  const synced = countStateRows(ctx, info.id);
  if (text === null) {
    if (synced > 0) {
      throw new SyncError(
        'refused',
        `The share looks emptied: ${folder}/${MANIFEST_FILE} is missing on ${info.location}, but this profile synced ${synced} entries there. Nothing was written; check the share (restore it from backup, or remove and add the target again to start over).`,
      );
    }
    const empty: Manifest = {
      format: MANIFEST_FORMAT,
      targetId: info.id,
      deviceId: deviceId(ctx),
      user: ctx.user,
      updatedAt: ctx.now(),
      entries: [],
    };
    await withRetry(retry, () => target.ensureDir(folder));
    await writeManifest(target, retry, folder, empty, empty.updatedAt);
    return empty;
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(text);
  } catch (error) {
    if (error instanceof ManifestError) {
      throw new SyncError(
        'refused',
        `${folder}/${MANIFEST_FILE} on ${info.location} is damaged (${error.message}). Nothing was written.`,
      );
    }
    throw error;
  }
  if (manifest.targetId !== info.id) {
    throw new SyncError(
      'refused',
      `${folder}/${MANIFEST_FILE} on ${info.location} belongs to target ${manifest.targetId}, not ${info.id}. Nothing was written.`,
    );
  }
  return manifest;
}

/**
 * Pending = entries whose latest revision differs from what the target
 * holds according to SQLite. `unlisted` = entries SQLite says landed but the
 * manifest on the share does not list as such (a run cut off before its
 * manifest was rewritten): their file is checked rather than rewritten.
 */
function pendingEntries(
  ctx: CoreContext,
  targetId: string,
  onShare: Map<string, ManifestEntry>,
): { pending: string[]; unlisted: SyncStateRow[] } {
  const rows = ctx.db
    .prepare(
      `SELECT e.id, e.head_hash, s.revision_hash AS state_hash, s.file_sha256 AS state_sha, s.extra_files AS state_extra
       FROM entries e LEFT JOIN sync_state s ON s.target_id = ? AND s.entry_id = e.id
       WHERE e.head_hash IS NOT NULL ORDER BY e.id`,
    )
    .all(targetId) as EntryHead[];
  const pending: string[] = [];
  const lagging: string[] = [];
  for (const row of rows) {
    if (row.state_hash !== row.head_hash) {
      pending.push(row.id);
      continue;
    }
    const listed = onShare.get(row.id);
    if (
      listed?.revisionHash !== row.head_hash ||
      listed.files[0]?.sha256 !== row.state_sha ||
      !sameExtraFiles(listed.files, row.state_extra)
    ) {
      lagging.push(row.id);
    }
  }
  const stateOf = ctx.db.prepare('SELECT * FROM sync_state WHERE target_id = ? AND entry_id = ?');
  return { pending, unlisted: lagging.map((id) => stateOf.get(targetId, id) as SyncStateRow) };
}

/** True when the file at `path` is there with this SHA-256. */
async function holdsFile(target: SyncTarget, path: string, sha256: string): Promise<boolean> {
  try {
    return (
      crypto
        .createHash('sha256')
        .update(await target.readFile(path))
        .digest('hex') === sha256
    );
  } catch {
    return false;
  }
}

/** Runs a target operation with retries; a failure is put in the sync panel's words. */
async function classified(target: SyncTarget, retry: RetryPolicy, operation: () => Promise<void>): Promise<void> {
  try {
    await withRetry(retry, operation);
  } catch (error) {
    throw classifyFileError(error, target.location, await markerPresent(target));
  }
}

function writeOrClassify(target: SyncTarget, retry: RetryPolicy, path: string, bytes: Uint8Array): Promise<void> {
  return classified(target, retry, () => target.writeFileAtomic(path, bytes));
}

function commitOrClassify(target: SyncTarget, retry: RetryPolicy): Promise<void> {
  return classified(target, retry, () => target.commit());
}

/** The index files first and the manifest last: a manifest on the share never describes more than landed. */
async function writeManifest(
  target: SyncTarget,
  retry: RetryPolicy,
  folder: string,
  manifest: Manifest,
  now: string,
): Promise<void> {
  const next: Manifest = { ...manifest, updatedAt: now };
  const heading = `Persist records of ${manifest.user} (device ${manifest.deviceId})`;
  await commitOrClassify(target, retry); // every file the manifest lists is durable before it says so
  await writeOrClassify(target, retry, `${folder}/${INDEX_CSV}`, Buffer.from(indexCsv(next.entries), 'utf8'));
  await writeOrClassify(
    target,
    retry,
    `${folder}/${INDEX_HTML}`,
    Buffer.from(indexHtml(next.entries, heading), 'utf8'),
  );
  await writeOrClassify(target, retry, `${folder}/${MANIFEST_FILE}`, Buffer.from(manifestText(next), 'utf8'));
  await commitOrClassify(target, retry);
}
