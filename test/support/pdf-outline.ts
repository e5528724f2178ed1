import { PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * The titles of a PDF's top-level bookmarks (its outline), in order, read
 * with pdf-lib by walking First/Next (PDF 1.7, 12.3.3): what a PDF viewer
 * lists in its sidebar. poppler's tools have no outline listing.
 */
export function outlineTitles(doc: PDFDocument): string[] {
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  let item = root?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item && titles.length < 10_000) {
    const title = item.lookup(PDFName.of('Title'));
    titles.push(title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '');
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}
