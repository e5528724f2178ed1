import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the nodes it renders; styled in styles/content.css. */
export const entryTheme: EditorThemeClasses = {
  paragraph: 'rt-p',
  quote: 'rt-quote',
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3' },
  list: {
    ul: 'rt-ul',
    ol: 'rt-ol',
    checklist: 'rt-checklist',
    listitem: 'rt-li',
    listitemChecked: 'rt-li-checked',
    listitemUnchecked: 'rt-li-unchecked',
    nested: { listitem: 'rt-li-nested' },
  },
  link: 'rt-link',
  code: 'rt-code-block',
  hr: 'rt-hr',
  hrSelected: 'rt-hr-selected',
  table: 'rt-table',
  tableRow: 'rt-tr',
  tableCell: 'rt-td',
  tableCellHeader: 'rt-th',
  tableCellSelected: 'rt-cell-selected',
  tableSelection: 'rt-table-selection',
  tableScrollableWrapper: 'rt-table-scroll',
  text: {
    bold: 'rt-bold',
    italic: 'rt-italic',
    underline: 'rt-underline',
    strikethrough: 'rt-strike',
    underlineStrikethrough: 'rt-underline-strike',
    subscript: 'rt-sub',
    superscript: 'rt-sup',
    code: 'rt-code',
  },
};
