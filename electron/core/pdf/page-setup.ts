import type { PaperSize } from '../../../shared/pdf/print-model';

/**
 * What both renderers (Electron's printToPDF and Chromium's page.pdf) pass
 * when printing. Page size, margins and the footer are not here: the print
 * view declares them in its own @page rule, footer included (CSS page-margin
 * boxes with counter(page) and counter(pages)), so the footer is set in the
 * fonts shipped with the app. Chromium's footerTemplate cannot load web fonts
 * and would print the footer in whatever font the machine has.
 */

/** Chromium's names for the two paper sizes (a fallback when a host ignores the CSS page size). */
export const PAPER_FORMAT: Record<PaperSize, 'A4' | 'Letter'> = { a4: 'A4', letter: 'Letter' };

/** Paper sizes in PDF points (A4 210 × 297 mm; Letter 8.5 × 11 in). */
export const PAPER_POINTS: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};
