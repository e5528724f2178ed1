import { PersistError } from '../../../shared/ipc/errors';
import { PRINT_MODEL_SCHEMA, type PaperSize, type PrintModel } from '../../../shared/pdf/print-model';
import { sha256Hex } from '../../../shared/record/canonical-json';
import type { RevisionRecord } from '../../../shared/record/revision-record';
import type { TemplateDefinition } from '../../../shared/templates/definition';
import { protocolBlockNodes } from '../blocks';
import type { CoreContext } from '../context';
import type { EntryRow, RevisionRow } from '../rows';
import { templateVersion } from '../templates';
import { loadPrintImages } from './images';

/** The record a PDF carries: the printed revision's canonical JSON, byte for byte as stored, and its SHA-256. */
export interface EmbeddedRecord {
  fileName: string;
  canonical: string;
  sha256: string;
}

export interface PrintJob {
  model: PrintModel;
  record: EmbeddedRecord;
  /** The entry has edits saved after its last revision; they are not in this PDF. */
  draftAhead: boolean;
  /** Images the content shows whose files are missing or damaged: the print says so where they belong. */
  missingImages: Array<{ sha256: string; reason: string }>;
}

export interface PrintModelOptions {
  paper?: PaperSize;
  /** The time the PDF is made (UTC ISO); the context's clock by default. */
  generatedAt?: string;
  appVersion?: string;
}

export function recordFileName(entryId: string, seq: number): string {
  return `persist-entry-${entryId}-rev${seq}.json`;
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function templatesOf(ctx: CoreContext, record: RevisionRecord): TemplateDefinition[] {
  const seen = new Set<string>();
  const out: TemplateDefinition[] = [];
  for (const node of protocolBlockNodes(record.content)) {
    const { templateId, templateVersion: version } = node as { templateId?: unknown; templateVersion?: unknown };
    if (typeof templateId !== 'string' || typeof version !== 'number') continue;
    const key = `${templateId}@${version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A version that is not installed is left out: the print says so on the block.
    const definition = templateVersion(ctx, templateId, version);
    if (definition) out.push(definition);
  }
  return out;
}

/**
 * Everything the print view needs for one entry, built from its last stored
 * revision (the record the PDF attests), not from the working draft: the PDF
 * and its embedded record then always say the same thing, and the hash in the
 * footer is the revision's own hash from the audit chain.
 */
export function buildPrintJob(ctx: CoreContext, entryId: string, options: PrintModelOptions = {}): PrintJob {
  const entry = ctx.db.prepare('SELECT rowid, * FROM entries WHERE id = ?').get(entryId) as EntryRow | undefined;
  if (!entry) throw new PersistError('not_found', `There is no entry ${entryId} in this profile.`);
  const revisions = ctx.db
    .prepare('SELECT * FROM revisions WHERE entry_id = ? ORDER BY seq')
    .all(entryId) as RevisionRow[];
  const head = revisions[revisions.length - 1];
  if (!head)
    throw new PersistError('conflict', `Entry ${entryId} has no revision yet, so there is no record to print.`);
  if (sha256Hex(head.record) !== head.hash) {
    throw new PersistError(
      'conflict',
      `The stored record of entry ${entryId} revision ${head.seq} does not match its hash; run "persist verify" before printing it.`,
    );
  }
  const record = JSON.parse(head.record) as RevisionRecord;
  const notebook = ctx.db.prepare('SELECT id, name FROM notebooks WHERE id = ?').get(record.notebookId) as
    { id: string; name: string } | undefined;
  const draft = ctx.db.prepare('SELECT dirty FROM drafts WHERE entry_id = ?').get(entryId) as
    { dirty: number } | undefined;
  const fileName = recordFileName(entryId, head.seq);
  const { images, missing } = loadPrintImages(ctx, record.content);
  const model: PrintModel = {
    schema: PRINT_MODEL_SCHEMA,
    paper: options.paper ?? 'a4',
    notebook: { id: record.notebookId, name: notebook?.name ?? record.notebookId },
    entry: {
      id: entryId,
      title: record.title,
      tags: record.tags,
      authors: distinct(revisions.map((r) => r.author)),
      createdAt: entry.created_at,
      modifiedAt: head.created_at,
      status: 'draft',
      trashed: record.status === 'trashed',
      revision: head.seq,
    },
    content: record.content,
    templates: templatesOf(ctx, record),
    evaluatedOn: head.created_at.slice(0, 10),
    record: { fileName, sha256: head.hash },
    revisions: revisions.map((r) => ({
      seq: r.seq,
      createdAt: r.created_at,
      author: r.author,
      reason: r.reason,
      hash: r.hash,
    })),
    signatures: [],
    images,
    generatedAt: options.generatedAt ?? ctx.now(),
    generator: `Persist ${options.appVersion ?? ctx.appVersion}`,
  };
  return {
    model,
    record: { fileName, canonical: head.record, sha256: head.hash },
    draftAhead: draft?.dirty === 1,
    missingImages: missing,
  };
}
