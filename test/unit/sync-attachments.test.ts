import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_IMAGE_TYPE } from '../../shared/attachments/image-node';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { putAttachment } from '../../electron/core/attachments/put';
import { blobPath } from '../../electron/core/attachments/blob-store';
import { createEntry, renameEntry } from '../../electron/core/entries';
import { createNotebook } from '../../electron/core/notebooks';
import { addFolderTarget, runSync, verifyShare } from '../../electron/core/sync/index';
import type { CoreContext } from '../../electron/core/index';
import { tempDir, tempProfile } from '../support/temp-profile';
import { makePng } from '../support/png';
import { snapshot } from './sync-support';

/** Attachments travel with their entry: copied by SHA-256 into its folder, listed, verified. */

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function imageNode(sha256: string, alt: string): LexicalNodeJson {
  return { type: ATTACHMENT_IMAGE_TYPE, version: 1, sha256, alt } as LexicalNodeJson;
}

function setup() {
  const ctx = tempProfile({ seed: false });
  const share = tempDir('persist-share-');
  cleanups.push(ctx.cleanup, share.cleanup);
  const gel = putAttachment(ctx, { name: 'gel.png', data: makePng(6, 4, 1) });
  const blot = putAttachment(ctx, { name: 'blot.png', data: makePng(5, 5, 2) });
  const notebook = createNotebook(ctx, 'Imaging');
  const withImages = createEntry(ctx, {
    notebookId: notebook.id,
    title: 'Western blot',
    content: documentOf(paragraph('Gel and blot:'), imageNode(gel.sha256, 'gel'), imageNode(blot.sha256, 'blot')),
  });
  const plain = createEntry(ctx, {
    notebookId: notebook.id,
    title: 'Notes',
    content: documentOf(paragraph('No pictures.')),
  });
  return { ctx, share: share.dir, gel, blot, withImages, plain };
}

function deviceDir(share: string): string {
  return path.join(
    share,
    fs.readdirSync(share).find((n) => n.includes('__'))!,
  );
}

interface ListedFile {
  path: string;
  size: number;
  sha256: string;
}

function filesOf(share: string, entryId: string): ListedFile[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(deviceDir(share), 'manifest.json'), 'utf8')) as {
    entries: Array<{ id: string; files: ListedFile[] }>;
  };
  return manifest.entries.find((e) => e.id === entryId)!.files;
}

async function sync(ctx: CoreContext, share: string) {
  return runSync(ctx, await addFolderTarget(ctx, share));
}

describe('attachments on the share', () => {
  it('copies each attachment once into its entry folder, lists it with its SHA-256, and a rerun writes nothing', async () => {
    const { ctx, share, gel, blot, withImages, plain } = setup();
    const first = await sync(ctx, share);
    expect(first).toMatchObject({ ok: true, written: 2, attachmentsWritten: 2, attachmentProblems: [] });
    const device = deviceDir(share);
    for (const image of [gel, blot]) {
      const file = path.join(device, withImages.id, 'attachments', `${image.sha256}.png`);
      expect(fs.readFileSync(file)).toEqual(fs.readFileSync(blobPath(ctx.profileDir, image.sha256)));
    }
    const listed = filesOf(share, withImages.id);
    expect(listed[0]!.path).toBe(`${withImages.id}/record.json`);
    expect(
      listed
        .slice(1)
        .map((f) => f.sha256)
        .sort(),
    ).toEqual([gel.sha256, blot.sha256].sort());
    expect(listed.slice(1).every((f) => f.size > 0 && f.path.startsWith(`${withImages.id}/attachments/`))).toBe(true);
    expect(filesOf(share, plain.id)).toHaveLength(1);
    expect(await verifyShare(share)).toMatchObject({ ok: true, problems: [] });

    const before = snapshot(share);
    expect(await sync(ctx, share)).toMatchObject({ ok: true, written: 0, attachmentsWritten: 0 });
    expect(snapshot(share)).toEqual(before);

    // A new revision rewrites record.json; the pictures already there stay untouched.
    renameEntry(ctx, withImages.id, 'Western blot, repeated');
    expect(await sync(ctx, share)).toMatchObject({ ok: true, written: 1, attachmentsWritten: 0 });
    const after = snapshot(share);
    for (const [rel, file] of before) {
      if (rel.includes('/attachments/')) expect(after.get(rel), rel).toEqual(file);
    }
    expect(await verifyShare(share)).toMatchObject({ ok: true });
  });

  it('verify-share names an attachment whose bytes changed on the share', async () => {
    const { ctx, share, gel, withImages } = setup();
    await sync(ctx, share);
    const rel = `${withImages.id}/attachments/${gel.sha256}.png`;
    const file = path.join(deviceDir(share), rel);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const report = await verifyShare(share);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ path: `${path.basename(deviceDir(share))}/${rel}`, kind: 'hash-mismatch' }),
    ]);
  });

  it('a missing or damaged attachment in the profile is reported and never copied; the record still syncs', async () => {
    const { ctx, share, gel, blot, withImages } = setup();
    fs.rmSync(blobPath(ctx.profileDir, gel.sha256));
    const damaged = fs.readFileSync(blobPath(ctx.profileDir, blot.sha256));
    damaged[20] = damaged[20]! ^ 0xff;
    fs.writeFileSync(blobPath(ctx.profileDir, blot.sha256), damaged);
    const report = await sync(ctx, share);
    expect(report).toMatchObject({ ok: true, written: 2, attachmentsWritten: 0 });
    expect(report.attachmentProblems).toEqual([
      expect.stringMatching(/"(gel|blot)\.png".* is (missing|damaged)/),
      expect.stringMatching(/"(gel|blot)\.png".* is (missing|damaged)/),
    ]);
    expect(report.attachmentProblems.join('\n')).toMatch(/missing/);
    expect(report.attachmentProblems.join('\n')).toMatch(/damaged/);
    expect(fs.existsSync(path.join(deviceDir(share), withImages.id, 'attachments'))).toBe(false);
    expect(fs.existsSync(path.join(deviceDir(share), withImages.id, 'record.json'))).toBe(true);
    expect(await verifyShare(share)).toMatchObject({ ok: true });
  });

  it('a PDF renderer that fails never holds the records back: they sync and the failure is reported', async () => {
    const { ctx, share } = setup();
    const info = await addFolderTarget(ctx, share);
    const report = await runSync(ctx, info, {
      pdfRenderer: async () => ({
        render: () => Promise.reject(new Error('the print window crashed')),
        close: async () => undefined,
      }),
    });
    expect(report).toMatchObject({ ok: true, written: 2, failure: null });
    expect(report.pdf).toMatchObject({ pending: 2, written: 0, failed: 2 });
    expect(report.pdf!.message).toMatch(/could not be printed: the print window crashed/);
    expect(await verifyShare(share)).toMatchObject({ ok: true });
    // No renderer at all (the CLI): no PDF phase.
    expect((await runSync(ctx, info)).pdf).toBeNull();
  });
});
