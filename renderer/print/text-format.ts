import type { CSSProperties } from 'react';
import type { LexicalNodeJson } from '../../shared/domain/types';

/** Lexical's text format bits (TextNode.__format), as stored in the serialized state. */
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;
const HIGHLIGHT = 128;

/** CSS properties a text node's inline style may carry into the print (colour and size, nothing that loads). */
const STYLE_PROPERTIES: Record<string, keyof CSSProperties> = {
  color: 'color',
  'background-color': 'backgroundColor',
  'font-size': 'fontSize',
};

function inlineStyle(text: unknown): CSSProperties {
  const style: Record<string, string> = {};
  if (typeof text !== 'string') return style;
  for (const declaration of text.split(';')) {
    const [name, ...rest] = declaration.split(':');
    const property = STYLE_PROPERTIES[(name ?? '').trim().toLowerCase()];
    const value = rest.join(':').trim();
    // No url(): the print page loads nothing from content.
    if (property && value && !/url\s*\(/i.test(value)) style[property] = value;
  }
  return style as CSSProperties;
}

/** The element and style for one text node: <sub>/<sup>/<code> where the format says so. */
export function textStyle(node: LexicalNodeJson): { Tag: 'span' | 'sub' | 'sup' | 'code'; style: CSSProperties } {
  const format = typeof node.format === 'number' ? node.format : 0;
  const style: CSSProperties = inlineStyle(node.style);
  if (format & BOLD) style.fontWeight = 700;
  if (format & ITALIC) style.fontStyle = 'italic';
  const lines = [format & UNDERLINE ? 'underline' : '', format & STRIKETHROUGH ? 'line-through' : ''].filter(Boolean);
  if (lines.length > 0) style.textDecoration = lines.join(' ');
  if (format & HIGHLIGHT) style.backgroundColor = style.backgroundColor ?? '#fff2a8';
  const Tag = format & SUBSCRIPT ? 'sub' : format & SUPERSCRIPT ? 'sup' : format & CODE ? 'code' : 'span';
  return { Tag, style };
}
