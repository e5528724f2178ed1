import type { Page } from '@playwright/test';
import { inPage } from './in-page';

export interface CaretSpot {
  /** Which of the root's plain paragraphs (ending in unformatted text) holds the caret. */
  index: number;
  of: number;
  /** The paragraph's text before typing. */
  text: string;
}

interface Located extends CaretSpot {
  /** Where to click: on the right half of the paragraph's last character. */
  x: number;
  y: number;
  /** Whether the selection is collapsed at the end of the paragraph. */
  atEnd: boolean;
}

/**
 * Page side (self-contained): finds the root's top-level paragraphs that end
 * in a run of unformatted text and reports on paragraph `index` (default: the
 * middle one), scrolling it to the middle of the view when asked.
 */
function locate({ selector, index, scroll }: { selector: string; index: number | null; scroll: boolean }): Located {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`No editor root ${selector}`);
  const plain = [...root.querySelectorAll(':scope > p')].filter((p) =>
    p.lastElementChild?.matches('span[data-lexical-text="true"]:not([class])'),
  );
  const at = index ?? Math.floor(plain.length / 2);
  const paragraph = plain[at];
  const textNode = paragraph?.lastElementChild?.firstChild;
  if (!paragraph || !textNode || textNode.nodeType !== Node.TEXT_NODE) throw new Error('No plain paragraph');
  if (scroll) paragraph.scrollIntoView({ block: 'center' });
  const length = (textNode as Text).length;
  const range = document.createRange();
  range.setStart(textNode, length - 1);
  range.setEnd(textNode, length);
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  const selection = window.getSelection();
  return {
    index: at,
    of: plain.length,
    text: paragraph.textContent ?? '',
    x: last ? last.right - 1 : Number.NaN,
    y: last ? last.top + last.height / 2 : Number.NaN,
    atEnd:
      selection !== null &&
      selection.isCollapsed &&
      selection.anchorNode === textNode &&
      selection.anchorOffset === length,
  };
}

/**
 * Clicks at the end of the middle plain paragraph of the editor, scrolled to
 * the middle of the view, as a scientist would before typing; the mouse
 * stays there (Chromium hit-tests it again when the layout under it
 * changes, in both editors alike). Checks that the caret is at the end.
 */
export async function caretInMiddle(page: Page, rootSelector: string): Promise<CaretSpot> {
  const target = await inPage(page, locate, { selector: rootSelector, index: null, scroll: true });
  if (!Number.isFinite(target.x)) throw new Error('The paragraph has no layout.');
  await page.mouse.click(target.x, target.y);
  // Lexical reads the selection on selectionchange, in a later task.
  await page.waitForTimeout(150);
  const after = await inPage(page, locate, { selector: rootSelector, index: target.index, scroll: false });
  if (!after.atEnd) throw new Error('The click did not put the caret at the end of the paragraph.');
  return { index: target.index, of: target.of, text: target.text };
}

/** The text of the paragraph the caret was put in (found again by its position). */
export async function paragraphText(page: Page, rootSelector: string, spot: CaretSpot): Promise<string> {
  return (await inPage(page, locate, { selector: rootSelector, index: spot.index, scroll: false })).text;
}
