import { createHash } from 'node:crypto';
import {
  decodePDFRawStream,
  PDFStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFString,
  PDFHexString,
} from 'pdf-lib';
import { footerRecordText } from '../../../shared/pdf/print-model';
import { REVISION_RECORD_SCHEMA, type RevisionRecord } from '../../../shared/record/revision-record';
import { PersistError } from '../../../shared/ipc/errors';
import type { CoreContext } from '../context';
import { pageText } from './page-text';
import { RECORD_KEYWORD } from './post-process';

/**
 * pdf-verify: checks a Persist PDF against itself and, given a profile,
 * against the stored revision. For every attached record: its SHA-256 is
 * recomputed from the attached bytes and must appear in the document
 * metadata (Info keywords and XMP) and in the footer text of the pages; the
 * record must be a Persist revision record; with a profile, the stored
 * revision of that entry and number must hold exactly the same bytes.
 */

export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
}

export interface RecordCheck {
  fileName: string;
  sha256: string;
  entryId: string | null;
  seq: number | null;
  title: string | null;
  /** Pages whose footer names this record. */
  footerPages: number;
  inInfo: boolean;
  inXmp: boolean;
  /** With a profile: 'match', or what differs. */
  stored: 'match' | 'missing' | 'different' | null;
  problems: string[];
}

export interface PdfVerification {
  ok: boolean;
  pages: number;
  records: RecordCheck[];
  /** Problems not tied to one record. */
  problems: string[];
}

function text(value: unknown): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

function collectNameTree(node: PDFDict, out: Array<[string, PDFDict]>, depth = 0): void {
  if (depth > 16) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const spec = names.lookupMaybe(i + 1, PDFDict);
      if (spec) out.push([text(names.lookup(i)) ?? '', spec]);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids)
    for (let i = 0; i < kids.size(); i += 1) {
      const kid = kids.lookupMaybe(i, PDFDict);
      if (kid) collectNameTree(kid, out, depth + 1);
    }
}

/** The embedded files of a PDF (the EmbeddedFiles name tree), with their bytes. */
export function attachedFiles(doc: PDFDocument): AttachedFile[] {
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) return [];
  const specs: Array<[string, PDFDict]> = [];
  collectNameTree(tree, specs);
  const files: AttachedFile[] = [];
  for (const [key, spec] of specs) {
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!(stream instanceof PDFRawStream)) continue;
    const name = text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F'))) ?? key;
    files.push({ name, bytes: decodePDFRawStream(stream).decode() });
  }
  return files;
}

function xmpText(doc: PDFDocument): string {
  const stream = doc.catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  return stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8') : '';
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** Loads a PDF for checking; a file that is not a readable PDF is bad input, not a mismatch. */
export async function loadPdfForCheck(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new PersistError(
      'invalid_input',
      `Not a readable PDF: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export async function verifyPdf(bytes: Uint8Array, ctx?: CoreContext): Promise<PdfVerification> {
  const doc = await loadPdfForCheck(bytes);
  const files = attachedFiles(doc).filter((f) => f.name.endsWith('.json'));
  if (files.length === 0) {
    throw new PersistError('invalid_input', 'This PDF carries no Persist record (no attached JSON file).');
  }
  const keywords = doc.getKeywords() ?? '';
  const xmp = xmpText(doc);
  const pages = doc.getPages().map((p) => compact(pageText(doc, p)));
  const storedOf = ctx?.db.prepare('SELECT record, hash FROM revisions WHERE entry_id = ? AND seq = ?');
  const records = files.map((file): RecordCheck => {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const problems: string[] = [];
    let record: Partial<RevisionRecord> = {};
    try {
      record = JSON.parse(Buffer.from(file.bytes).toString('utf8')) as Partial<RevisionRecord>;
    } catch {
      problems.push('the attached record is not valid JSON');
    }
    if (record.schema !== REVISION_RECORD_SCHEMA)
      problems.push(`the attached file is not a ${REVISION_RECORD_SCHEMA} record`);
    const entryId = typeof record.entryId === 'string' ? record.entryId : null;
    const seq = typeof record.seq === 'number' ? record.seq : null;
    const inInfo = keywords.split(/\s+/).includes(`${RECORD_KEYWORD}${sha256}`);
    const inXmp = xmp.includes(`${RECORD_KEYWORD}${sha256}`);
    if (!inInfo) problems.push("the record's SHA-256 is not the one in the document information");
    if (!inXmp) problems.push("the record's SHA-256 is not the one in the XMP metadata");
    const footer = entryId && seq !== null ? compact(footerRecordText(entryId, seq, sha256)) : null;
    const footerPages = footer ? pages.filter((p) => p.includes(footer)).length : 0;
    if (footerPages === 0) problems.push("no page footer shows this record's hash");
    let stored: RecordCheck['stored'] = null;
    if (storedOf && entryId && seq !== null) {
      const row = storedOf.get(entryId, seq) as { record: string; hash: string } | undefined;
      if (!row) {
        stored = 'missing';
        problems.push(`the profile has no revision ${seq} of entry ${entryId}`);
      } else if (row.hash !== sha256 || row.record !== Buffer.from(file.bytes).toString('utf8')) {
        stored = 'different';
        problems.push(`the profile's revision ${seq} of entry ${entryId} differs from the attached record`);
      } else stored = 'match';
    }
    return {
      fileName: file.name,
      sha256,
      entryId,
      seq,
      title: typeof record.title === 'string' ? record.title : null,
      footerPages,
      inInfo,
      inXmp,
      stored,
      problems,
    };
  });
  const problems: string[] = [];
  // Every page must belong to one of the records: a page slipped in from elsewhere has no matching footer.
  const footers = records.flatMap((r) =>
    r.entryId && r.seq !== null ? [compact(footerRecordText(r.entryId, r.seq, r.sha256))] : [],
  );
  pages.forEach((p, i) => {
    if (!footers.some((f) => p.includes(f))) problems.push(`page ${i + 1} has no footer naming an attached record`);
  });
  const ok = problems.length === 0 && records.every((r) => r.problems.length === 0);
  return { ok, pages: pages.length, records, problems };
}
