import { PDFHexString, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * Adds a flat document outline (bookmarks): one item per entry, opening at
 * its first page. pdf-lib has no outline API, so the dictionaries are built
 * by hand (PDF 1.7, 12.3.3): an Outlines root with First, Last and Count, and
 * items linked by Parent, Prev and Next.
 */
export function addOutline(doc: PDFDocument, items: ReadonlyArray<{ title: string; pageIndex: number }>): void {
  if (items.length === 0) return;
  const pages = doc.getPages();
  const rootRef = doc.context.nextRef();
  const refs: PDFRef[] = items.map(() => doc.context.nextRef());
  items.forEach((item, i) => {
    const page = pages[item.pageIndex];
    if (!page) throw new Error(`Bookmark "${item.title}" points past the last page.`);
    const dict = doc.context.obj({
      Title: PDFHexString.fromText(item.title),
      Parent: rootRef,
      Dest: [page.ref, PDFName.of('Fit')],
    });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) dict.set(PDFName.of('Prev'), prev);
    if (next) dict.set(PDFName.of('Next'), next);
    doc.context.assign(refs[i] as PDFRef, dict);
  });
  doc.context.assign(
    rootRef,
    doc.context.obj({
      Type: 'Outlines',
      First: refs[0] as PDFRef,
      Last: refs[refs.length - 1] as PDFRef,
      Count: items.length,
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
