import { PAPER_SIZES, type PaperSize } from '../../shared/pdf/print-model';

/**
 * The paper size for PDFs, remembered in this profile's page storage: a lab
 * in the US keeps Letter once chosen, everyone else starts on A4.
 */
const KEY = 'persist.pdf.paper';

export function savedPaper(): PaperSize {
  try {
    const value = localStorage.getItem(KEY);
    return (PAPER_SIZES as readonly string[]).includes(value ?? '') ? (value as PaperSize) : 'a4';
  } catch {
    return 'a4';
  }
}

export function savePaper(paper: PaperSize): void {
  try {
    localStorage.setItem(KEY, paper);
  } catch {
    // Storage can be full or disabled; the choice then lasts for this dialog only.
  }
}
