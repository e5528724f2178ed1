import {
  AFRelationship,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from 'pdf-lib';
import { sha256Hex } from '../../../shared/record/canonical-json';
import type { EmbeddedRecord } from './print-model';
import { SRGB_PROFILE_DESCRIPTION, srgbIccProfile } from './srgb-icc';
import { xmpPacket } from './xmp';

/**
 * Turns Chromium's raw PDF into a Persist record: document information and
 * matching XMP metadata (with the PDF/A-3b identification), an sRGB output
 * intent, the entry's canonical JSON record as an associated file, and the
 * few fixes PDF/A asks of Chromium's output (a file identifier, annotations
 * flagged for printing). docs/PDF.md lists which PDF/A-3b points this meets.
 */

export interface PdfDescription {
  title: string;
  authors: string[];
  subject: string;
  /** Free keywords (tags); the record hashes are added as record-sha256:<hex>. */
  keywords: string[];
  /** When the PDF was made (UTC ISO). */
  createdAt: string;
  /** "Persist 0.1.0" */
  creator: string;
  /** The records the PDF attests, one per entry it holds. */
  records: Array<EmbeddedRecord & { description: string }>;
}

export const RECORD_MIME = 'application/json';
/** The keyword that carries a record's SHA-256 in the Info dictionary and the XMP (pdf:Keywords). */
export const RECORD_KEYWORD = 'record-sha256:';

const PDF_LIB_VERSION = '1.17.1';

/** A stable 16-byte id for the trailer /ID from what identifies this PDF. */
function fileId(d: PdfDescription): string {
  return sha256Hex(`${d.records.map((r) => r.sha256).join(',')}|${d.createdAt}`).slice(0, 32);
}

function uuidFrom(hex: string): string {
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** "2026-11-26T18:09:48.123Z" without the milliseconds, so Info and XMP dates agree to the second. */
function toSecond(iso: string): Date {
  return new Date(`${iso.slice(0, 19)}Z`);
}

let iccProfile: Uint8Array | null = null;

function addOutputIntent(doc: PDFDocument): void {
  iccProfile ??= srgbIccProfile();
  const icc = doc.context.flateStream(iccProfile, { N: 3 });
  const iccRef = doc.context.register(icc);
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_PROFILE_DESCRIPTION),
    Info: PDFString.of(SRGB_PROFILE_DESCRIPTION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: iccRef,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
}

/** PDF/A: every annotation (Chromium's link annotations) must carry the Print flag. */
function flagAnnotationsForPrint(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i += 1) {
      const annot = annots.lookupMaybe(i, PDFDict);
      annot?.set(PDFName.of('F'), PDFNumber.of(4));
    }
  }
}

function addMetadata(doc: PDFDocument, d: PdfDescription, keywords: string[], producer: string, id: string): void {
  const xmp = xmpPacket({
    title: d.title,
    authors: d.authors,
    description: d.subject,
    keywords: keywords.join(' '),
    creatorTool: d.creator,
    producer,
    created: d.createdAt,
    modified: d.createdAt,
    documentId: uuidFrom(id),
    instanceId: uuidFrom(sha256Hex(`${id}|instance`)),
  });
  // Uncompressed, as PDF/A asks, so archive tools can read it without a PDF parser.
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

/** Applies everything above to a loaded document and returns the final bytes. */
export async function finishPdf(doc: PDFDocument, d: PdfDescription): Promise<Uint8Array> {
  const keywords = [...d.keywords, ...d.records.map((r) => `${RECORD_KEYWORD}${r.sha256}`)];
  const producer = `${d.creator} (Chromium print, pdf-lib ${PDF_LIB_VERSION})`;
  const created = toSecond(d.createdAt);
  const id = fileId(d);

  // Associated files are PDF 1.7 (PDF/A-3); Chromium writes a 1.4 header.
  doc.context.header = PDFHeader.forVersion(1, 7);
  doc.setTitle(d.title, { showInWindowTitleBar: true });
  doc.setAuthor(d.authors.join(', '));
  doc.setSubject(d.subject);
  doc.setKeywords(keywords);
  doc.setCreator(d.creator);
  doc.setProducer(producer);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('en'));
  addMetadata(doc, d, keywords, producer, id);
  addOutputIntent(doc);
  flagAnnotationsForPrint(doc);
  for (const record of d.records) {
    await doc.attach(new TextEncoder().encode(record.canonical), record.fileName, {
      mimeType: RECORD_MIME,
      description: record.description,
      creationDate: created,
      modificationDate: created,
      // The record is what the pages were printed from: PDF/A-3's "Source".
      afRelationship: AFRelationship.Source,
    });
  }
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  // Classic cross-reference table: pdf-lib compresses object streams slowly, and the
  // content, fonts and images Chromium wrote are compressed already.
  return doc.save({ updateFieldAppearances: false, useObjectStreams: false });
}

/** Loads Chromium's raw output and finishes it as one entry's record. */
export async function postProcessPdf(raw: Uint8Array, d: PdfDescription): Promise<Uint8Array> {
  const doc = await PDFDocument.load(raw, { updateMetadata: false });
  return finishPdf(doc, d);
}
