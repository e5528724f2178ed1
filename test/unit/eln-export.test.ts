import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { exportEln, importEln } from '../../electron/core/eln/index';
import { tempDir, tempProfile } from '../support/temp-profile';
import { FIXTURES } from './eln-support';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

type Node = Record<string, unknown> & { '@id': string; '@type': string };

/** Every file of a zip, read with yauzl directly (not through the importer under test). */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(fs.readFileSync(file), { lazyEntries: true });
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

function setup() {
  const ctx = tempProfile(); // seeded: the Welcome notebook and the demo experiment with protocol blocks
  const out = tempDir('persist-eln-');
  cleanups.push(ctx.cleanup, out.cleanup);
  return { ctx, out: out.dir };
}

describe('.eln export', () => {
  it('writes one root folder and metadata that validates against the consortium schema', async () => {
    const { ctx, out } = setup();
    const file = path.join(out, 'all.eln');
    const progress: number[] = [];
    const report = await exportEln(ctx, file, { onProgress: (p) => progress.push(p.done) });
    const entries = (
      ctx.db.prepare('SELECT count(*) AS n FROM entries WHERE deleted_at IS NULL').get() as { n: number }
    ).n;
    expect(report.entries).toBe(entries);
    expect(progress.at(-1)).toBe(entries);

    const files = await unzip(file);
    const roots = new Set([...files.keys()].map((n) => n.split('/')[0]));
    expect([...roots]).toEqual([report.rootFolder]);
    for (const name of files.keys()) {
      expect(name.startsWith('/') || name.split('/').includes('..')).toBe(false);
    }
    const metadata = JSON.parse(files.get(`${report.rootFolder}/ro-crate-metadata.json`)!.toString('utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'consortium-schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(metadata), JSON.stringify(validate.errors)).toBe(true);

    const graph = metadata['@graph'] as Node[];
    const byId = new Map(graph.map((n) => [n['@id'], n]));
    expect(new Set(graph.map((n) => n['@id'])).size).toBe(graph.length); // unique ids
    const descriptor = byId.get('ro-crate-metadata.json')!;
    expect(descriptor).toMatchObject({
      about: { '@id': './' },
      conformsTo: { '@id': 'https://w3id.org/ro/crate/1.1' },
    });
    const root = byId.get('./')!;
    const datasets = (root.hasPart as Array<{ '@id': string }>).map((r) => byId.get(r['@id'])!);
    expect(datasets).toHaveLength(entries);
    for (const d of datasets) {
      expect(d['@type']).toBe('Dataset');
      expect(typeof d.name).toBe('string');
      expect(typeof d.text).toBe('string');
      expect(typeof d.keywords).toBe('string');
      expect(typeof d.identifier).toBe('string');
      expect(byId.get((d.author as { '@id': string })['@id'])?.['@type']).toBe('Person');
      for (const part of d.hasPart as Array<{ '@id': string }>) {
        const node = byId.get(part['@id'])!;
        expect(node['@type']).toBe('File');
        const bytes = files.get(`${report.rootFolder}/${part['@id'].replace(/^\.\//, '')}`)!;
        expect(node.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
        expect(node.contentSize).toBe(String(bytes.length));
        expect(node.encodingFormat).toBe('application/json');
      }
    }
    // Protocol block values of the demo experiment come out as PropertyValues with units.
    const values = graph.filter((n) => n['@type'] === 'PropertyValue');
    expect(values.length).toBeGreaterThan(20);
    expect(values).toContainEqual(expect.objectContaining({ propertyID: 'str_match', value: 100, unitText: '%' }));
    const tagged = datasets.find((d) => (d.keywords as string).includes(','));
    expect(tagged, 'an entry with several tags gives one comma-separated string').toBeTruthy();
  });

  it('exports one notebook by name, and refuses an unknown one', async () => {
    const { ctx, out } = setup();
    const report = await exportEln(ctx, path.join(out, 'welcome.eln'), { notebookName: 'Welcome' });
    const welcome = (
      ctx.db
        .prepare(
          "SELECT count(*) AS n FROM entries e JOIN notebooks n ON n.id = e.notebook_id WHERE n.name = 'Welcome'",
        )
        .get() as { n: number }
    ).n;
    expect(report.entries).toBe(welcome);
    await expect(exportEln(ctx, path.join(out, 'x.eln'), { notebookName: 'No such' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(fs.existsSync(path.join(out, 'x.eln'))).toBe(false);
    expect(fs.readdirSync(out)).toEqual(['welcome.eln']); // no temporary file left behind
  });

  it('round-trips: what Persist exports, Persist imports with the same titles and fields', async () => {
    const { ctx, out } = setup();
    const file = path.join(out, 'demo.eln');
    const exported = await exportEln(ctx, file, { notebookName: 'Demo: NCI-H69 persisters' });
    const other = tempProfile({ seed: false });
    cleanups.push(other.cleanup);
    const imported = await importEln(other, file);
    expect(imported.source).toBe('Persist');
    expect(imported.entries.map((e) => e.title).sort()).toEqual(
      (
        ctx.db
          .prepare(
            "SELECT title FROM entries e JOIN notebooks n ON n.id = e.notebook_id WHERE n.name = 'Demo: NCI-H69 persisters'",
          )
          .all() as Array<{ title: string }>
      )
        .map((r) => r.title)
        .sort(),
    );
    expect(imported.entries.reduce((n, e) => n + e.fields, 0)).toBe(exported.fields);
    expect(imported.entries.every((e) => e.files === 1)).toBe(true); // each entry's record.json, hash-checked
  });
});
