import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type CoreContext } from '../../electron/core/index';
import { DEFAULT_LIMITS, importEln, type ArchiveLimits } from '../../electron/core/eln/index';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import { tempDir, tempProfile } from '../support/temp-profile';
import { EXAMPLES, crateJson, lieAboutSizes, makeZip, renameInZip } from './eln-support';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup() {
  const ctx = tempProfile({ seed: false });
  const dir = tempDir('persist-eln-in-');
  cleanups.push(ctx.cleanup, dir.cleanup);
  return { ctx, dir: dir.dir };
}

function fieldsOf(ctx: CoreContext, entryId: string) {
  return ctx.db
    .prepare('SELECT property_id, name, value, unit FROM eln_fields WHERE entry_id = ? ORDER BY position')
    .all(entryId) as Array<{
    property_id: string;
    name: string | null;
    value: string;
    unit: string | null;
  }>;
}

function filesOf(ctx: CoreContext, entryId: string) {
  return ctx.db
    .prepare('SELECT name, size, sha256 FROM eln_files WHERE entry_id = ? ORDER BY position')
    .all(entryId) as Array<{
    name: string;
    size: number;
    sha256: string;
  }>;
}

describe('.eln import of the consortium examples', () => {
  it('eLabFTW: text from HTML, extra fields with units, the attachment checked, tags and source', async () => {
    const { ctx } = setup();
    const report = await importEln(ctx, EXAMPLES.elabftw);
    expect(report.source).toBe('eLabFTW');
    expect(report.entries).toHaveLength(12);
    expect(report.skipped).toEqual([]);
    const gold = report.entries.find((e) => e.title === 'Gold master experiment')!;
    expect(gold.tags).toEqual(expect.arrayContaining(['tag with space', 'eln', 'source:eLabFTW']));
    expect(fieldsOf(ctx, gold.id)).toContainEqual(
      expect.objectContaining({ property_id: 'Number with units', value: '12', unit: 'mM' }),
    );
    // The zip path has '//' in it; the file is found and matches its sha256.
    expect(filesOf(ctx, gold.id)).toEqual([
      { name: 'example.jpg', size: 85530, sha256: 'b73626c9a9ed8561ed6126df2493bc0d84fb8feedc9fe34aed94f7d2d5f4f60f' },
    ]);
    const aspirin = report.entries.find((e) => e.title === 'Synthesis of Aspirin')!;
    const body = (
      ctx.db
        .prepare('SELECT body FROM entries_fts f JOIN entries e ON e.rowid = f.rowid WHERE e.id = ?')
        .get(aspirin.id) as { body: string }
    ).body;
    expect(body).toContain('Aspirin is a widely used pain-relieving');
    expect(body).not.toContain('<p>');
    expect(ctx.db.prepare('SELECT name FROM notebooks').all()).toEqual([{ name: 'eLabFTW: eLabFTW export' }]);
  });

  it('Kadi4Mat: description object, PropertyValues, files', async () => {
    const { ctx } = setup();
    const report = await importEln(ctx, EXAMPLES.kadi4mat);
    expect(report.entries).toHaveLength(1);
    const entry = report.entries[0]!;
    expect(entry).toMatchObject({ title: 'records-example', fields: 6, files: 4 });
    expect(fieldsOf(ctx, entry.id)).toContainEqual(
      expect.objectContaining({ property_id: 'actor.givenName', value: 'Max' }),
    );
    const body = (
      ctx.db
        .prepare('SELECT body FROM entries_fts f JOIN entries e ON e.rowid = f.rowid WHERE e.id = ?')
        .get(entry.id) as { body: string }
    ).body;
    expect(body).toContain('This is a sample record.');
    expect(filesOf(ctx, entry.id).map((f) => f.name)).toContain('example.csv');
  });

  it('RSpace: keywords given as a list, attachments checked, root-level schema files reported as skipped', async () => {
    const { ctx } = setup();
    const report = await importEln(ctx, EXAMPLES.rspace);
    const doc = report.entries.find((e) => e.sourceId === './doc_Editable2-32')!;
    expect(doc.tags).toEqual(['red', 'mydocument', 'category1', 'source:RSpace']);
    expect(filesOf(ctx, doc.id).map((f) => f.name)).toEqual(
      expect.arrayContaining(['lemmings_1701965473304.gif', 'doc_Editable2-32.xml']),
    );
    expect(report.skipped.map((s) => s.id)).toEqual(['./schemas/formSchema.xsd', './schemas/documentSchema.xsd']);
  });

  it('SampleDB: numeric fields with units, files of nested version datasets', async () => {
    const { ctx } = setup();
    const report = await importEln(ctx, EXAMPLES.sampledb);
    const sample = report.entries.find((e) => e.title === 'OMBE-1')!;
    expect(fieldsOf(ctx, sample.id)).toContainEqual(
      expect.objectContaining({ property_id: 'multilayer.1.films.0.thickness', value: '1500', unit: 'Å' }),
    );
    expect(filesOf(ctx, sample.id).map((f) => f.name)).toEqual(expect.arrayContaining(['schema.json', 'data.json']));
  });

  it('imported entries are read-only: edits are refused with "forbidden", nothing changes', async () => {
    const { ctx } = setup();
    const report = await importEln(ctx, EXAMPLES.kadi4mat);
    const id = report.entries[0]!.id;
    const handlers = createHandlers(ctx);
    const save = await dispatch(handlers, 'entries.saveDraft', { id, content: documentOf(paragraph('changed')) });
    expect(save).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await dispatch(handlers, 'entries.rename', { id, title: 'x' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      (ctx.db.prepare('SELECT revision_count FROM entries WHERE id = ?').get(id) as { revision_count: number })
        .revision_count,
    ).toBe(1);
  });
});

describe('.eln import refuses malformed archives and writes nothing', () => {
  const good = () => crateJson([{ '@id': './one/', '@type': 'Dataset', name: 'One' }]);

  function counts(ctx: CoreContext) {
    return ['notebooks', 'entries', 'revisions', 'eln_imports', 'eln_fields', 'eln_files'].map(
      (t) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    );
  }

  async function refused(bytes: Buffer, pattern: RegExp, limits: ArchiveLimits = DEFAULT_LIMITS) {
    const { ctx, dir } = setup();
    const file = path.join(dir, 'bad.eln');
    fs.writeFileSync(file, bytes);
    const before = counts(ctx);
    const error = await importEln(ctx, file, limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect((error as Error).message).toMatch(pattern);
    expect(counts(ctx)).toEqual(before);
  }

  it('a well-formed minimal archive imports (the baseline the refusals differ from)', async () => {
    const { ctx, dir } = setup();
    const file = path.join(dir, 'ok.eln');
    fs.writeFileSync(file, await makeZip([['crate/ro-crate-metadata.json', good()]]));
    expect((await importEln(ctx, file)).entries.map((e) => e.title)).toEqual(['One']);
  });

  it('path traversal', async () => {
    const zip = await makeZip([
      ['crate/ro-crate-metadata.json', good()],
      ['crate/ZZ/evil.txt', 'x'],
    ]);
    await refused(renameInZip(zip, 'crate/ZZ/evil.txt', 'crate/../evil.txt'), /'\.\.'|invalid relative path/);
  });

  it('an absolute path', async () => {
    const zip = await makeZip([
      ['crate/ro-crate-metadata.json', good()],
      ['Xtc/passwd', 'x'],
    ]);
    await refused(renameInZip(zip, 'Xtc/passwd', '/tc/passwd'), /absolute/);
  });

  it('more than one root folder, or files outside it', async () => {
    await refused(
      await makeZip([
        ['a/ro-crate-metadata.json', good()],
        ['b/x.txt', 'x'],
      ]),
      /exactly one root folder/,
    );
    await refused(await makeZip([['ro-crate-metadata.json', good()]]), /outside the root folder/);
  });

  it('a zip bomb by ratio, by total size, and with headers that lie about the size', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    await refused(
      await makeZip([
        ['crate/ro-crate-metadata.json', good()],
        ['crate/one/z.bin', zeros],
      ]),
      /zip bomb.*times/,
    );
    const small: ArchiveLimits = { ...DEFAULT_LIMITS, maxRatio: 1e9, maxTotalBytes: 4 * 1024 * 1024 };
    await refused(
      await makeZip([
        ['crate/ro-crate-metadata.json', good()],
        ['crate/one/z.bin', zeros],
      ]),
      /zip bomb.*in all/,
      small,
    );
    const lying = lieAboutSizes(
      await makeZip([
        ['crate/one/z.bin', zeros],
        ['crate/ro-crate-metadata.json', good()],
      ]),
      1000,
    );
    await refused(lying, /zip bomb|damaged/, { ...DEFAULT_LIMITS, maxRatio: 1e9, maxFileBytes: 2 * 1024 * 1024 });
  });

  it('missing or invalid metadata, duplicate ids, not a zip at all', async () => {
    await refused(await makeZip([['crate/x.txt', 'x']]), /no crate\/ro-crate-metadata\.json/);
    await refused(await makeZip([['crate/ro-crate-metadata.json', '{"@graph": [']]), /not valid JSON/);
    await refused(await makeZip([['crate/ro-crate-metadata.json', '{"@context": "x"}']]), /no @context or no @graph/);
    const twice = crateJson([
      { '@id': './one/', '@type': 'Dataset', name: 'One' },
      { '@id': './one/', '@type': 'Dataset', name: 'Again' },
    ]);
    await refused(await makeZip([['crate/ro-crate-metadata.json', twice]]), /uses the @id "\.\/one\/" twice/);
    await refused(Buffer.from('PK but not really a zip file at all'), /not a zip archive/);
  });

  it('an attachment whose sha256 does not match is not imported, and the report says why', async () => {
    const { ctx, dir } = setup();
    const crate = crateJson([
      { '@id': './one/', '@type': 'Dataset', name: 'One', hasPart: [{ '@id': './one/data.csv' }] },
      { '@id': './one/data.csv', '@type': 'File', sha256: '0'.repeat(64) },
    ]);
    const file = path.join(dir, 'sha.eln');
    fs.writeFileSync(
      file,
      await makeZip([
        ['crate/ro-crate-metadata.json', crate],
        ['crate/one/data.csv', 'a,b\n1,2\n'],
      ]),
    );
    const report = await importEln(ctx, file);
    expect(report.entries[0]!.files).toBe(0);
    expect(report.skipped[0]).toMatchObject({ id: './one/data.csv' });
    expect(report.skipped[0]!.reason).toMatch(/SHA-256 .* damaged, not imported/);
  });
});
