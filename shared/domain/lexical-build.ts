import type { LexicalNodeJson, LexicalState } from './types';

/**
 * Builders for Lexical's serialized JSON, for content made outside the editor
 * (the Welcome entry, demo data, tests, benchmarks). Shapes follow Lexical
 * 0.52's exportJSON output.
 */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export type TextFormatName = keyof typeof TEXT_FORMAT;

const element = { direction: 'ltr', format: '', indent: 0, version: 1 };

export function text(value: string, ...formats: TextFormatName[]): LexicalNodeJson {
  const format = formats.reduce((bits, f) => bits | TEXT_FORMAT[f], 0);
  return { type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' };
}

type Inline = LexicalNodeJson | string;
const inline = (parts: Inline[]): LexicalNodeJson[] => parts.map((p) => (typeof p === 'string' ? text(p) : p));

export function paragraph(...parts: Inline[]): LexicalNodeJson {
  return { type: 'paragraph', ...element, textFormat: 0, textStyle: '', children: inline(parts) };
}

export function heading(tag: 'h1' | 'h2' | 'h3', ...parts: Inline[]): LexicalNodeJson {
  return { type: 'heading', ...element, tag, children: inline(parts) };
}

export function quote(...parts: Inline[]): LexicalNodeJson {
  return { type: 'quote', ...element, children: inline(parts) };
}

export function link(url: string, label: string): LexicalNodeJson {
  return { type: 'link', ...element, url, rel: 'noreferrer', target: null, title: null, children: [text(label)] };
}

export function list(
  kind: 'bullet' | 'number' | 'check',
  items: Array<Inline[] | { checked: boolean; parts: Inline[] }>,
): LexicalNodeJson {
  return {
    type: 'list',
    ...element,
    listType: kind,
    start: 1,
    tag: kind === 'number' ? 'ol' : 'ul',
    children: items.map((item, i) => {
      const parts = Array.isArray(item) ? item : item.parts;
      const checked = Array.isArray(item) ? (kind === 'check' ? false : undefined) : item.checked;
      return {
        type: 'listitem',
        ...element,
        value: i + 1,
        ...(checked === undefined ? {} : { checked }),
        children: inline(parts),
      };
    }),
  };
}

export function table(rows: string[][], headerRow = true): LexicalNodeJson {
  return {
    type: 'table',
    ...element,
    children: rows.map((cells, r) => ({
      type: 'tablerow',
      ...element,
      children: cells.map((cell) => ({
        type: 'tablecell',
        ...element,
        colSpan: 1,
        rowSpan: 1,
        backgroundColor: null,
        headerState: headerRow && r === 0 ? 1 : 0,
        children: [paragraph(cell)],
      })),
    })),
  };
}

export function horizontalRule(): LexicalNodeJson {
  return { type: 'horizontalrule', version: 1 };
}

export function documentOf(...blocks: LexicalNodeJson[]): LexicalState {
  return { root: { type: 'root', ...element, children: blocks } };
}
