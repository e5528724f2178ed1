import type { JSX } from 'react';
import { footerRecordText, type PrintModel } from '../../shared/pdf/print-model';

/** Page size and margins, in millimetres; the bottom margin holds the footer. */
const PAPER = { a4: 'A4', letter: 'letter' } as const;
const MARGINS = '14mm 15mm 18mm 15mm';

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The page box of the print: size (A4 or Letter, a setting), margins and the
 * footer of every page (entry ID, revision, short record hash; "Page X of Y")
 * as CSS page-margin boxes. Set here rather than in Chromium's footer template
 * because margin boxes use the page's own fonts, the ones shipped with the app.
 */
export function PageStyle({ model }: { model: PrintModel }): JSX.Element {
  const record = footerRecordText(model.entry.id, model.entry.revision, model.record.sha256);
  const box = "font-family: 'Noto Sans', sans-serif; font-size: 7.5pt; color: #5b6168; vertical-align: middle;";
  const css = `@page {
  size: ${PAPER[model.paper]};
  margin: ${MARGINS};
  @bottom-left { content: ${cssString(record)}; ${box} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }
}`;
  return <style>{css}</style>;
}
