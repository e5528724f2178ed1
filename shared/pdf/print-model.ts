import type { LexicalState } from '../domain/types';
import type { TemplateDefinition } from '../templates/definition';

/**
 * What the print view (renderer/print) needs to lay out one entry as a PDF
 * record: plain data, built by the core from the entry's stored revision
 * (electron/core/pdf/print-model.ts) and handed to the page by whichever host
 * prints it (Electron's hidden window or Chromium driven by Playwright).
 *
 * Declared here because both sides use it: the core builds it, the renderer
 * draws it, and neither may import the other.
 */

export const PRINT_MODEL_SCHEMA = 'persist.print/1';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Only 'draft' exists until signatures do; the print view already knows the others. */
export type RecordStatus = 'draft' | 'signed' | 'witnessed';

export interface PrintRevision {
  seq: number;
  createdAt: string;
  author: string;
  reason: string;
  hash: string;
}

export interface PrintSignature {
  kind: 'signed' | 'witnessed';
  by: string;
  at: string;
  meaning: string;
}

/** An image the content refers to by SHA-256 (attachments are content-addressed). */
export interface PrintImage {
  mime: string;
  /** A data: URL, so the page needs no network and no file access. */
  dataUrl: string;
}

export interface PrintModel {
  schema: typeof PRINT_MODEL_SCHEMA;
  paper: PaperSize;
  notebook: { id: string; name: string };
  entry: {
    id: string;
    title: string;
    tags: string[];
    /** Everyone who wrote a revision, in order of first appearance. */
    authors: string[];
    createdAt: string;
    /** The time of the printed revision. */
    modifiedAt: string;
    status: RecordStatus;
    /** True when the entry is in the trash: printed as a warning, never hidden. */
    trashed: boolean;
    /** The printed revision's number. */
    revision: number;
  };
  /** The Lexical state of the printed revision. */
  content: LexicalState;
  /** Every template version the content's protocol blocks record, for evaluating them. */
  templates: TemplateDefinition[];
  /** Date the computed values are evaluated on ("days since" values): the printed revision's date. */
  evaluatedOn: string;
  /** The embedded canonical JSON record: its file name and SHA-256 (hex). */
  record: { fileName: string; sha256: string };
  revisions: PrintRevision[];
  signatures: PrintSignature[];
  /** Attachment SHA-256 -> image data, for image fields and image nodes. */
  images: Record<string, PrintImage>;
  /** When the PDF was made (UTC ISO). */
  generatedAt: string;
  /** "Persist 0.1.0" */
  generator: string;
}

/** The footer's short form of a hash: enough to compare by eye, and what pdf-verify looks for. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 16);
}

/** The record part of every page's footer: "01J… · rev 3 · SHA-256 6383a8f35b22df0f". */
export function footerRecordText(entryId: string, revision: number, sha256: string): string {
  return `${entryId} · rev ${revision} · SHA-256 ${shortHash(sha256)}`;
}
