import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { documentOf, heading, list, paragraph, quote, table } from '../../../shared/domain/lexical-build';
import type { LexicalNodeJson } from '../../../shared/domain/types';
import { PersistError } from '../../../shared/ipc/errors';
import type { CoreContext } from '../context';
import { createEntry } from '../entries';
import { createNotebook, findNotebookByName } from '../notebooks';
import { mapCrate, parseCrate, type MappedEntry, type Skipped } from './crate-map';
import { DEFAULT_LIMITS, readArchive, type ArchiveLimits } from './read-archive';

export interface ImportReport {
  file: string;
  sha256: string;
  /** The notebook that exported it, e.g. "eLabFTW". */
  source: string;
  notebook: { id: string; name: string };
  entries: Array<{ id: string; title: string; sourceId: string; fields: number; files: number; tags: string[] }>;
  skipped: Skipped[];
}

const MAX_CELL = 500;

/** The entry's Lexical content: text, fields table, comments, files, and where it came from. */
function contentOf(entry: MappedEntry, fileName: string, source: string) {
  const nodes: LexicalNodeJson[] = [];
  for (const line of entry.text.split('\n')) if (line.trim() !== '') nodes.push(paragraph(line));
  if (entry.fields.length > 0) {
    nodes.push(heading('h2', 'Fields'));
    const cell = (s: string) => (s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…` : s);
    nodes.push(
      table([
        ['Field', 'Value', 'Unit'],
        ...entry.fields.map((f) => [f.name ?? f.propertyId, cell(f.value), f.unit ?? '']),
      ]),
    );
  }
  if (entry.comments.length > 0) {
    nodes.push(heading('h2', 'Comments'));
    for (const c of entry.comments)
      nodes.push(paragraph(`${c.author ?? 'unknown'}${c.date ? ` (${c.date})` : ''}: ${c.text}`));
  }
  if (entry.files.length > 0) {
    nodes.push(heading('h2', 'Files'));
    nodes.push(
      list(
        'bullet',
        entry.files.map((f) => [
          `${f.name}: ${f.bytes.length} bytes, SHA-256 ${f.sha256.slice(0, 16)}… ${f.checked ? '(matches the archive)' : '(none given in the archive)'}`,
        ]),
      ),
    );
  }
  const facts = [
    `Imported read-only from ${fileName} (exported by ${source})`,
    `dataset ${entry.sourceId}`,
    entry.identifier ? `identifier ${entry.identifier}` : null,
    entry.author ? `author ${entry.author}` : null,
    entry.dateCreated ? `created ${entry.dateCreated}` : null,
    entry.dateModified ? `modified ${entry.dateModified}` : null,
  ].filter(Boolean);
  nodes.push(quote(`${facts.join('; ')}.`));
  return documentOf(...nodes);
}

function freeNotebookName(ctx: CoreContext, wanted: string): string {
  const base = wanted.slice(0, 120);
  let name = base;
  for (let n = 2; findNotebookByName(ctx, name); n += 1) name = `${base} (${n})`;
  return name;
}

/**
 * Imports an .eln file as read-only entries in a new notebook, in one
 * transaction: a malformed or hostile archive is refused before anything is
 * written, and a failure midway leaves the profile as it was.
 */
export async function importEln(
  ctx: CoreContext,
  file: string,
  limits: ArchiveLimits = DEFAULT_LIMITS,
): Promise<ImportReport> {
  const data = await fs.promises.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new PersistError(
      'not_found',
      `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`,
    );
  });
  const archive = await readArchive(data, limits);
  const plan = mapCrate(parseCrate(archive), archive);
  const fileName = path.basename(file);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');

  return ctx.db.transaction((): ImportReport => {
    const notebook = createNotebook(ctx, freeNotebookName(ctx, `${plan.publisher}: ${plan.name}`));
    const importId = ctx.newId();
    const report: ImportReport = {
      file: fileName,
      sha256,
      source: plan.publisher,
      notebook: { id: notebook.id, name: notebook.name },
      entries: [],
      skipped: plan.skipped,
    };
    ctx.db
      .prepare('INSERT INTO eln_imports (id, file_name, sha256, source, imported_at, report) VALUES (?, ?, ?, ?, ?, ?)')
      .run(importId, fileName, sha256, plan.publisher, ctx.now(), '{}');
    const addSource = ctx.db.prepare(
      'INSERT INTO eln_entry_sources (entry_id, import_id, source_id, identifier) VALUES (?, ?, ?, ?)',
    );
    const addField = ctx.db.prepare(
      'INSERT INTO eln_fields (entry_id, position, property_id, name, value, unit) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const addFile = ctx.db.prepare(
      'INSERT INTO eln_files (entry_id, position, path, name, encoding_format, size, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const sourceTag = `source:${plan.publisher}`.slice(0, 100);
    for (const mapped of plan.entries) {
      const tags = [...new Set([...mapped.tags.map((t) => t.slice(0, 100)), sourceTag])];
      const entry = createEntry(ctx, {
        notebookId: notebook.id,
        title: mapped.title,
        content: contentOf(mapped, fileName, plan.publisher),
        tags,
      });
      ctx.db.prepare('UPDATE entries SET read_only = 1 WHERE id = ?').run(entry.id);
      addSource.run(entry.id, importId, mapped.sourceId, mapped.identifier);
      mapped.fields.forEach((f, i) => addField.run(entry.id, i, f.propertyId, f.name, f.value, f.unit));
      mapped.files.forEach((f, i) =>
        addFile.run(entry.id, i, f.path, f.name, f.encodingFormat, f.bytes.length, f.sha256, f.bytes),
      );
      report.entries.push({
        id: entry.id,
        title: mapped.title,
        sourceId: mapped.sourceId,
        fields: mapped.fields.length,
        files: mapped.files.length,
        tags,
      });
    }
    ctx.db.prepare('UPDATE eln_imports SET report = ? WHERE id = ?').run(JSON.stringify(report), importId);
    return report;
  })();
}
