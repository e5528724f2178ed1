import type { LexicalEditor } from 'lexical';
import { getState } from '../../state/store';
import { showError } from '../../state/notice-actions';
import { initialValues } from '../engine';
import { insertProtocolBlock } from '../node/block-actions';
import { newId } from '../node/ids';
import { ensureTemplate } from '../templates/template-store';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Puts the caret in the first field of a block that was just inserted. */
export function focusBlock(editor: LexicalEditor, blockId: string): void {
  const tryFocus = (attempt: number) => {
    const host = editor.getRootElement()?.querySelector<HTMLElement>(`[data-block-id="${blockId}"]`);
    const first = (host?.shadowRoot ?? host)?.querySelector<HTMLElement>(
      '.pb-form input:not([disabled]):not([readonly]), .pb-form select:not([disabled]), .pb-form textarea:not([readonly])',
    );
    if (first) {
      first.focus();
      host?.scrollIntoView({ block: 'nearest' });
    } else if (attempt < 20) requestAnimationFrame(() => tryFocus(attempt + 1));
  };
  requestAnimationFrame(() => tryFocus(0));
}

/**
 * Inserts a block of a template at the caret with its starting values
 * (defaults, today's date, the user, planned timepoint rows), then focuses it.
 */
export async function insertTemplate(editor: LexicalEditor, templateId: string, version: number): Promise<void> {
  try {
    const template = await ensureTemplate(templateId, version);
    const values = initialValues(template, { today: today(), user: getState().info?.user ?? '', newId });
    const blockId = insertProtocolBlock(editor, { templateId, templateVersion: version, values });
    focusBlock(editor, blockId);
  } catch (error) {
    showError('Could not insert the block', error);
  }
}
