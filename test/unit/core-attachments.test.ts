import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments/limits';
import type { AttachmentData, AttachmentInfo } from '../../shared/attachments/schema';
import { protocolBlockNode } from '../../shared/demo/protocol-block';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { PERSIST_APPLICATION_ID } from '../../electron/core/db/open-database';
import { entryAttachments } from '../../electron/core/attachments/references';
import { createHandlers, dispatch, openProfile } from '../../electron/core/index';
import { getEntry } from '../../electron/core/entries';
import { fixedId, harness, type Harness } from '../support/template-fixtures';
import { FIXTURE_GEL } from '../support/image-template';
import { makePng } from '../support/png';
import { tempDir } from '../support/temp-profile';

const b64 = (bytes: Buffer) => bytes.toString('base64');
const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The stored file of an attachment, where the architecture says it lives. */
const fileOf = (profileDir: string, hash: string) => path.join(profileDir, 'attachments', hash.slice(0, 2), hash);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

/** A minimal JPEG: SOI, an APP0 segment, a baseline frame header of w x h, EOI. */
function makeJpeg(width: number, height: number): Buffer {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, ...Array(9).fill(0), 0xff, 0xd9]);
}

function makeGif(width: number, height: number): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from([width & 255, width >> 8, height & 255, height >> 8, 0x00, 0x00, 0x00]),
    Buffer.from(';', 'latin1'),
  ]);
}

function makeWebp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBP', 8, 'latin1');
  b.write('VP8X', 12, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe('attachments: content-addressed store on a real profile', () => {
  let h: Harness;
  const put = (name: string, bytes: Buffer) => h.attempt('attachments.put', { name, dataBase64: b64(bytes) });
  const get = (hash: string) => h.attempt('attachments.get', { sha256: hash });

  beforeEach(async () => {
    h = await harness({ seed: false });
  });
  afterEach(() => h.ctx.cleanup());

  it('stores a PNG once under its SHA-256 and gives back the same bytes', async () => {
    const png = makePng(40, 30, 1);
    const info = await h.call<AttachmentInfo>('attachments.put', { name: 'gel 3.png', dataBase64: b64(png) });
    expect(info).toEqual({
      sha256: sha(png),
      size: png.length,
      mime: 'image/png',
      name: 'gel 3.png',
      width: 40,
      height: 30,
    });
    expect(fs.readFileSync(fileOf(h.ctx.profileDir, info.sha256)).equals(png)).toBe(true);

    const got = await h.call<AttachmentData>('attachments.get', { sha256: info.sha256 });
    expect(got).toMatchObject({ sha256: info.sha256, mime: 'image/png', size: png.length });
    expect(Buffer.from(got.dataBase64, 'base64').equals(png)).toBe(true);
    // No temporary file is left next to it.
    expect(filesUnder(path.join(h.ctx.profileDir, 'attachments'))).toEqual([info.sha256]);
  });

  it('stores the same bytes once, whatever they are called', async () => {
    const png = makePng(8, 8, 2);
    const first = await h.call<AttachmentInfo>('attachments.put', { name: 'first.png', dataBase64: b64(png) });
    const second = await h.call<AttachmentInfo>('attachments.put', {
      name: 'C:\\scans\\again.png',
      dataBase64: b64(png),
    });
    expect(second.sha256).toBe(first.sha256);
    // The reference keeps the name this put was given, without its folder.
    expect(second.name).toBe('again.png');
    expect(filesUnder(path.join(h.ctx.profileDir, 'attachments'))).toEqual([first.sha256]);
    expect(h.ctx.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
    const other = await h.call<AttachmentInfo>('attachments.put', {
      name: 'other.png',
      dataBase64: b64(makePng(8, 8, 3)),
    });
    expect(other.sha256).not.toBe(first.sha256);
    expect(filesUnder(path.join(h.ctx.profileDir, 'attachments'))).toHaveLength(2);
  });

  it('verifies the hash on read: a damaged file is reported, never shown; putting the image again repairs it', async () => {
    const png = makePng(16, 16, 4);
    const { sha256 } = await h.call<AttachmentInfo>('attachments.put', { name: 'blot.png', dataBase64: b64(png) });
    const file = fileOf(h.ctx.profileDir, sha256);
    const damaged = Buffer.from(png);
    damaged[damaged.length - 20] = (damaged[damaged.length - 20] ?? 0) ^ 0xff;
    fs.writeFileSync(file, damaged);

    const answer = await get(sha256);
    expect(answer).toMatchObject({ ok: false, code: 'corrupt' });
    expect(!answer.ok && answer.message).toMatch(/"blot\.png" is damaged.*no longer match.*SHA-256/);
    expect(!answer.ok && answer.message).toContain(`attachments/${sha256.slice(0, 2)}/${sha256}`);

    // The same picture put again replaces the damaged copy, which is moved aside, not deleted.
    await h.call('attachments.put', { name: 'blot.png', dataBase64: b64(png) });
    expect(fs.readFileSync(file).equals(png)).toBe(true);
    const aside = filesUnder(path.dirname(file)).filter((n) => n.includes('.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), aside[0] as string)).equals(damaged)).toBe(true);
    expect(await get(sha256)).toMatchObject({ ok: true });
  });

  it('answers not_found for an unknown hash and for a file missing from the folder', async () => {
    expect(await get('0'.repeat(64))).toMatchObject({ ok: false, code: 'not_found' });
    const { sha256 } = await h.call<AttachmentInfo>('attachments.put', {
      name: 'a.png',
      dataBase64: b64(makePng(4, 4)),
    });
    fs.renameSync(fileOf(h.ctx.profileDir, sha256), `${fileOf(h.ctx.profileDir, sha256)}.moved`);
    const answer = await get(sha256);
    expect(answer).toMatchObject({ ok: false, code: 'not_found' });
    expect(!answer.ok && answer.message).toMatch(/"a\.png" is missing from the profile folder/);
  });

  it('sniffs the type from the bytes: JPEG, GIF and WebP pass with their size; SVG, HTML and others renamed .png do not', async () => {
    for (const [bytes, mime, w, hgt] of [
      [makeJpeg(640, 480), 'image/jpeg', 640, 480],
      [makeGif(3, 2), 'image/gif', 3, 2],
      [makeWebp(1024, 768), 'image/webp', 1024, 768],
    ] as const) {
      const answer = await put('photo.png', bytes);
      expect(answer).toMatchObject({ ok: true, data: { mime, width: w, height: hgt } });
    }
    const refused: Array<[string, Buffer, RegExp]> = [
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /SVG.*scripts/],
      ['svg with xml header', Buffer.from('\uFEFF<?xml version="1.0"?>\n<svg></svg>'), /SVG/],
      ['html', Buffer.from('<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>'), /HTML page/],
      ['pdf', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), /PDF/],
      // Random bytes, but never starting like text: a leading '<' would (rightly) read as markup.
      ['random', Buffer.concat([Buffer.from([0x00, 0x9f]), crypto.randomBytes(254)]), /not an image Persist can show/],
    ];
    for (const [label, bytes, why] of refused) {
      const answer = await put('figure.png', bytes);
      expect(answer, label).toMatchObject({ ok: false, code: 'unsupported_type' });
      expect(!answer.ok && answer.message, label).toMatch(/Only PNG, JPEG, GIF or WebP images can be attached/);
      expect(!answer.ok && answer.message, label).toMatch(why);
    }
    // Nothing refused was written.
    expect(filesUnder(path.join(h.ctx.profileDir, 'attachments'))).toHaveLength(3);
  });

  it('takes an image of exactly the size limit and refuses one byte more, then malformed requests, storing nothing', async () => {
    const largest = Buffer.alloc(MAX_ATTACHMENT_BYTES);
    makePng(2, 2).copy(largest);
    const ok = await put('largest.png', largest);
    expect(ok).toMatchObject({ ok: true, data: { size: MAX_ATTACHMENT_BYTES, mime: 'image/png' } });
    const stored = filesUnder(path.join(h.ctx.profileDir, 'attachments'));
    expect(stored).toHaveLength(1);

    const tooBig = Buffer.concat([largest, Buffer.from([1])]);
    const answer = await put('huge.png', tooBig);
    expect(answer).toMatchObject({ ok: false, code: 'too_large' });
    expect(!answer.ok && answer.message).toMatch(/The file is 14\.0 MB; attachments can be at most 14\.0 MB/);
    // Further over the limit: refused by the request schema before anything is decoded.
    const farOver = await h.attempt('attachments.put', { name: 'x.png', dataBase64: 'AAAA'.repeat(4_950_000) });
    expect(farOver).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(!farOver.ok && farOver.message).toMatch(/dataBase64: must be at most 14 MB/);

    expect(await h.attempt('attachments.put', { name: 'x.png', dataBase64: '' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await h.attempt('attachments.put', { name: 'x.png', dataBase64: 'not base64!' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await h.attempt('attachments.put', { name: 'a\nb.png', dataBase64: b64(makePng(2, 2)) })).toMatchObject({
      code: 'invalid_input',
    });
    for (const bad of ['A'.repeat(64), 'abc', '../../etc/passwd', `${'0'.repeat(63)}g`]) {
      expect(await get(bad), bad).toMatchObject({ ok: false, code: 'invalid_input' });
    }
    expect(filesUnder(path.join(h.ctx.profileDir, 'attachments'))).toEqual(stored);
    expect(h.ctx.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
  });

  it('never deletes an attachment row', async () => {
    await put('a.png', makePng(2, 2));
    expect(() => h.ctx.db.prepare('DELETE FROM attachments').run()).toThrow(/never deleted/);
  });
});

describe('image fields reference attachments', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ seed: false });
    await h.call('templates.import', { definition: FIXTURE_GEL });
  });
  afterEach(() => h.ctx.cleanup());

  it('validates the reference, indexes its name and lists it as used by the entry until the block is gone', async () => {
    const png = makePng(12, 10, 7);
    const ref = await h.call<AttachmentInfo>('attachments.put', { name: 'Cisplatin gel 3.png', dataBase64: b64(png) });
    const value = { sha256: ref.sha256, name: ref.name, mime: ref.mime, width: ref.width, height: ref.height };
    const blockId = fixedId(1);
    const entryId = await h.entry(
      'Gel run',
      protocolBlockNode(blockId, FIXTURE_GEL, { caption: 'Run 3', photo: value }),
    );

    const block = h.ctx.db.prepare('SELECT problem_level, problems FROM blocks WHERE block_id = ?').get(blockId);
    expect(block).toEqual({ problem_level: 'none', problems: '[]' });
    const indexed = h.ctx.db
      .prepare("SELECT text FROM block_values WHERE block_id = ? AND field = 'photo'")
      .pluck()
      .all(blockId);
    expect(indexed).toEqual(['cisplatin gel 3.png']);
    const hits = await h.call<Array<{ blockId: string }>>('blocks.search', { q: 'cisplatin gel' });
    expect(hits.map((x) => x.blockId)).toEqual([blockId]);
    expect(entryAttachments(h.ctx, entryId)).toEqual([ref.sha256]);

    // A reference of the wrong type is a blocking problem, and the value is kept as it is.
    await h.save(entryId, protocolBlockNode(blockId, FIXTURE_GEL, { photo: { ...value, mime: 'image/svg+xml' } }));
    const problems = JSON.parse(
      h.ctx.db.prepare('SELECT problems FROM blocks WHERE block_id = ?').pluck().get(blockId) as string,
    ) as Array<{ code: string; message: string }>;
    expect(problems).toEqual([
      expect.objectContaining({ code: 'invalid_image', message: expect.stringMatching(/image\/svg\+xml.*PNG, JPEG/) }),
    ]);
    await h.save(entryId, protocolBlockNode(blockId, FIXTURE_GEL, { photo: 'not a reference' }));
    expect(h.ctx.db.prepare('SELECT problem_level FROM blocks WHERE block_id = ?').pluck().get(blockId)).toBe('block');

    // Removing the block drops the entry's use of the image; the image itself stays.
    await h.save(entryId);
    expect(entryAttachments(h.ctx, entryId)).toEqual([]);
    expect(fs.readFileSync(fileOf(h.ctx.profileDir, ref.sha256)).equals(png)).toBe(true);
    expect(await h.attempt('attachments.get', { sha256: ref.sha256 })).toMatchObject({ ok: true });
  });

  it('lists images in table cells and rich-text image nodes too', async () => {
    const a = await h.call<AttachmentInfo>('attachments.put', { name: 'a.png', dataBase64: b64(makePng(3, 3, 1)) });
    const b = await h.call<AttachmentInfo>('attachments.put', { name: 'b.png', dataBase64: b64(makePng(3, 3, 2)) });
    const content = documentOf(
      paragraph('Figure 1'),
      { type: 'attachment-image', version: 1, sha256: a.sha256, alt: 'a' },
      protocolBlockNode(fixedId(2), FIXTURE_GEL, {
        caption: 'lanes',
        lanes: [{ rowId: 'r1', sample: 'PC9', crop: { sha256: b.sha256, name: 'b.png', mime: 'image/png' } }],
      }),
    );
    const entry = await h.call<{ id: string }>('entries.create', {
      notebookId: h.notebookId,
      title: 'Figures',
      content,
    });
    expect(entryAttachments(h.ctx, entry.id)).toEqual([a.sha256, b.sha256].sort());
  });
});

describe('migration 3 on an existing version 2 profile', () => {
  it('adds the attachment tables and keeps every notebook, entry and draft', async () => {
    const { dir, cleanup } = tempDir('persist-v2-');
    try {
      const file = path.join(dir, 'persist.sqlite');
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
        old.exec(m.sql);
        old.pragma(`application_id = ${PERSIST_APPLICATION_ID}`);
        old.pragma(`user_version = ${m.version}`);
      }
      const t = '2026-01-05T10:00:00.000Z';
      const content = JSON.stringify(documentOf(paragraph('Written before attachments existed.')));
      old
        .prepare('INSERT INTO notebooks (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(fixedId(1), 'Old lab', t, t);
      old
        .prepare(
          'INSERT INTO entries (id, notebook_id, title, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(fixedId(2), fixedId(1), 'Old entry', 'alice', t, t);
      old
        .prepare('INSERT INTO drafts (entry_id, content, version, saved_at, dirty) VALUES (?, ?, 3, ?, 1)')
        .run(fixedId(2), content, t);
      old.close();

      const ctx = openProfile(dir, { user: 'tester' });
      try {
        expect(ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
        const entry = getEntry(ctx, fixedId(2));
        expect(entry).toMatchObject({ title: 'Old entry', notebookId: fixedId(1), draftVersion: 3 });
        expect(JSON.stringify(entry.content)).toBe(content);
        expect(ctx.db.prepare('SELECT count(*) FROM notebooks').pluck().get()).toBe(1);

        const handlers = createHandlers(ctx);
        const png = makePng(5, 5);
        const stored = await dispatch(handlers, 'attachments.put', { name: 'new.png', dataBase64: b64(png) });
        expect(stored).toMatchObject({ ok: true, data: { sha256: sha(png) } });
        expect(fs.existsSync(fileOf(dir, sha(png)))).toBe(true);
        expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        ctx.close();
      }
    } finally {
      cleanup();
    }
  });
});

describe('images in the entry text', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ seed: false });
  });
  afterEach(() => h.ctx.cleanup());

  it('validates attachment-image nodes, searches their description and lists their attachment', async () => {
    const png = makePng(6, 6, 11);
    const ref = await h.call<AttachmentInfo>('attachments.put', { name: 'micrograph.png', dataBase64: b64(png) });
    const image = { type: 'attachment-image', version: 1, sha256: ref.sha256, alt: 'Quokkazanzibar micrograph day 9' };
    const entry = await h.call<{ id: string }>('entries.create', {
      notebookId: h.notebookId,
      title: 'Imaging',
      content: documentOf(paragraph('Persisters after cisplatin:'), image),
    });
    expect(entryAttachments(h.ctx, entry.id)).toEqual([ref.sha256]);
    const hits = await h.call<Array<{ entryId: string }>>('search.query', { q: 'quokkazanzibar' });
    expect(hits.map((x) => x.entryId)).toEqual([entry.id]);

    for (const [label, bad, why] of [
      ['no hash', { type: 'attachment-image', version: 1, alt: 'x' }, /image node: sha256/],
      ['upper-case hash', { ...image, sha256: ref.sha256.toUpperCase() }, /sha256 must be 64 lower-case hex digits/],
      ['no description', { type: 'attachment-image', version: 1, sha256: ref.sha256 }, /image node: alt/],
      ['width of a million', { ...image, width: 1_000_000 }, /image node: width/],
    ] as const) {
      const answer = await h.attempt('entries.saveDraft', { id: entry.id, content: documentOf(paragraph('x'), bad) });
      expect(answer, label).toMatchObject({ ok: false, code: 'invalid_input' });
      expect(!answer.ok && answer.message, label).toMatch(why);
    }
    // Nothing of the refused saves was stored.
    expect(entryAttachments(h.ctx, entry.id)).toEqual([ref.sha256]);
  });
});
