import crypto from 'node:crypto';
import type { LexicalState } from '../../../shared/domain/types';
import { plainTextOf } from '../../../shared/domain/plain-text';
import { PersistError } from '../../../shared/ipc/errors';
import type { RevisionRecord } from '../../../shared/record/revision-record';
import type { CoreContext } from '../context';
import { findNotebookByName } from '../notebooks';
import { blockFieldsOf } from './block-fields';
import { METADATA_FILE, RO_CRATE_CONFORMS_TO, RO_CRATE_CONTEXT, ref, type Crate, type CrateNode } from './ro-crate';
import { ZipWriter } from './zip-writer';

export interface ExportOptions {
  /** Only the entries of this notebook (by name); every entry not in the trash otherwise. */
  notebookName?: string;
  /** Only these entries (a selection). */
  entryIds?: readonly string[];
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface ExportReport {
  file: string;
  rootFolder: string;
  entries: number;
  files: number;
  fields: number;
  bytes: number;
}

const PUBLISHER_ID = '#persist';

/** A folder name part that is safe on every filesystem and in a URI. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'entry'
  );
}

interface ExportRow {
  id: string;
  notebook: string;
  author: string;
  created_at: string;
  record: string;
  seq: number;
  hash: string;
  prev_hash: string | null;
}

function selectEntries(ctx: CoreContext, options: ExportOptions): ExportRow[] {
  const where = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (options.notebookName !== undefined) {
    const notebook = findNotebookByName(ctx, options.notebookName);
    if (!notebook) throw new PersistError('not_found', `There is no notebook named "${options.notebookName}".`);
    where.push('e.notebook_id = ?');
    params.push(notebook.id);
  }
  let rows = ctx.db
    .prepare(
      `SELECT e.id, n.name AS notebook, e.author, e.created_at, r.record, r.seq, r.hash, r.prev_hash
       FROM entries e JOIN notebooks n ON n.id = e.notebook_id
       JOIN revisions r ON r.entry_id = e.id AND r.seq = e.revision_count
       WHERE ${where.join(' AND ')} ORDER BY e.created_at, e.id`,
    )
    .all(...params) as ExportRow[];
  if (options.entryIds) {
    const wanted = new Set(options.entryIds);
    rows = rows.filter((r) => wanted.has(r.id));
    if (rows.length !== wanted.size)
      throw new PersistError('not_found', 'Some of the selected entries do not exist or are in the trash.');
  }
  return rows;
}

/**
 * Exports entries as an .eln file (ELN Consortium format, RO-Crate 1.1): one
 * root folder; per entry a Dataset with its latest revision's title, text,
 * tags (one comma-separated string), author and dates, its protocol block
 * values as PropertyValues, and its record.json (the latest revision's
 * canonical record with its hash and the previous hash) plus any imported
 * attachments, as File nodes with SHA-256.
 */
export async function exportEln(ctx: CoreContext, outFile: string, options: ExportOptions = {}): Promise<ExportReport> {
  const rows = selectEntries(ctx, options);
  const now = ctx.now();
  const rootFolder = `persist-export-${now.slice(0, 10)}-${slug(options.notebookName ?? 'all')}`;
  const graph: CrateNode[] = [];
  const datasets: CrateNode[] = [];
  const people = new Map<string, CrateNode>();
  const report: ExportReport = { file: outFile, rootFolder, entries: 0, files: 0, fields: 0, bytes: 0 };
  const zip = new ZipWriter(outFile);
  zip.addFolder(rootFolder);

  const filesOf = ctx.db.prepare(
    'SELECT name, encoding_format, size, sha256, content FROM eln_files WHERE entry_id = ? ORDER BY position',
  );
  const addFile = (zipPath: string, id: string, name: string, data: Buffer, format: string, compress: boolean) => {
    zip.addFile(`${rootFolder}/${zipPath}`, data, compress);
    report.files += 1;
    report.bytes += data.length;
    const node: CrateNode = {
      '@id': id,
      '@type': 'File',
      name,
      encodingFormat: format,
      contentSize: String(data.length),
      sha256: crypto.createHash('sha256').update(data).digest('hex'),
    };
    graph.push(node);
    return ref(id);
  };

  try {
    for (const [index, row] of rows.entries()) {
      const head = JSON.parse(row.record) as RevisionRecord;
      const folder = `${slug(head.title)}_${row.id}`;
      const datasetId = `./${folder}/`;
      const personId = `#person-${encodeURIComponent(row.author)}`;
      if (!people.has(personId)) people.set(personId, { '@id': personId, '@type': 'Person', name: row.author });

      const parts = [];
      // The latest revision as Persist sealed it: its canonical record, hash and previous hash.
      // (The full history goes to shared storage with sync; an interchange file carries the state.)
      const recordJson = Buffer.from(
        `{"format":"persist-revision/1","entryId":"${row.id}","seq":${row.seq},"hash":"${row.hash}","prevHash":${row.prev_hash === null ? 'null' : `"${row.prev_hash}"`},"record":${row.record}}\n`,
        'utf8',
      );
      parts.push(
        addFile(
          `${folder}/record.json`,
          `${datasetId}record.json`,
          'record.json',
          recordJson,
          'application/json',
          true,
        ),
      );
      const attachments = filesOf.all(row.id) as Array<{
        name: string;
        encoding_format: string | null;
        content: Buffer;
      }>;
      const taken = new Set<string>();
      for (const file of attachments) {
        let name = slugFile(file.name);
        for (let n = 2; taken.has(name); n += 1) name = `${n}-${slugFile(file.name)}`;
        taken.add(name);
        const format = file.encoding_format ?? 'application/octet-stream';
        const compress = !/^(image|video|audio)\/|zip|gzip|pdf/.test(format);
        parts.push(
          addFile(
            `${folder}/files/${name}`,
            `${datasetId}files/${encodeURIComponent(name)}`,
            file.name,
            file.content,
            format,
            compress,
          ),
        );
      }

      const fields = blockFieldsOf(head.content as LexicalState);
      const measured = fields.map((f, i) => {
        const id = `#pv-${row.id}-${i}`;
        const node: CrateNode = {
          '@id': id,
          '@type': 'PropertyValue',
          propertyID: f.path,
          name: `${f.templateId}: ${f.path}`,
          value: f.value,
        };
        if (f.unit) node.unitText = f.unit;
        graph.push(node);
        return ref(id);
      });
      report.fields += fields.length;

      const dataset: CrateNode = {
        '@id': datasetId,
        '@type': 'Dataset',
        name: head.title,
        identifier: row.id,
        author: ref(personId),
        dateCreated: row.created_at,
        dateModified: head.createdAt,
        text: plainTextOf(head.content as LexicalState),
        keywords: head.tags.map((t) => t.replace(/,/g, ' ')).join(','),
        genre: 'experiment',
        isPartOf: { '@id': `#notebook-${encodeURIComponent(row.notebook)}` },
        hasPart: parts,
      };
      if (measured.length > 0) dataset.variableMeasured = measured;
      datasets.push(dataset);
      report.entries += 1;
      options.onProgress?.({ done: index + 1, total: rows.length });
    }

    const notebooks = [...new Set(rows.map((r) => r.notebook))].map((name): CrateNode => ({
      '@id': `#notebook-${encodeURIComponent(name)}`,
      '@type': 'Collection',
      name,
    }));
    const crate: Crate = {
      '@context': RO_CRATE_CONTEXT,
      '@graph': [
        {
          '@id': METADATA_FILE,
          '@type': 'CreativeWork',
          about: ref('./'),
          conformsTo: ref(RO_CRATE_CONFORMS_TO),
          dateCreated: now,
          sdPublisher: ref(PUBLISHER_ID),
          version: '1.0',
        },
        {
          '@id': './',
          '@type': 'Dataset',
          name: options.notebookName ? `Persist export of "${options.notebookName}"` : 'Persist export',
          description: `${report.entries} entries exported by Persist ${ctx.appVersion}`,
          datePublished: now,
          hasPart: datasets.map((d) => ref(d['@id'])),
        },
        {
          '@id': PUBLISHER_ID,
          '@type': 'Organization',
          name: 'Persist',
          description: 'Offline-first electronic lab notebook',
        },
        ...people.values(),
        ...notebooks,
        ...datasets,
        ...graph,
      ],
    };
    zip.addFile(`${rootFolder}/${METADATA_FILE}`, Buffer.from(JSON.stringify(crate, null, 1), 'utf8'));
    await zip.finish();
  } catch (error) {
    await zip.abort();
    throw error;
  }
  return report;
}

/** A file name kept readable but safe inside the archive. */
function slugFile(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'file'
  );
}
