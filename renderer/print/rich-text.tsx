import type { CSSProperties, JSX, ReactNode } from 'react';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { isAllowedLinkUrl } from '../editor/link-url';
import { textStyle } from './text-format';

/**
 * Lexical's serialized editor state turned into React elements, without the
 * Lexical runtime: the print view is read-only and must draw exactly what
 * was stored. Every node type the editor can write has a case; a node this
 * code does not know is still shown (its text, marked), never dropped.
 */

export interface RichTextHooks {
  /** Draws a protocol block node (renderer/print/PrintBlock). */
  block: (node: LexicalNodeJson, key: string) => ReactNode;
  /** Draws an image node by its attachment hash, or null when this content has none. */
  image: (node: LexicalNodeJson, key: string) => ReactNode;
}

const ALIGN = new Set(['left', 'center', 'right', 'justify', 'start', 'end']);

function elementStyle(node: LexicalNodeJson): CSSProperties | undefined {
  const style: CSSProperties = {};
  if (typeof node.format === 'string' && ALIGN.has(node.format)) {
    style.textAlign = node.format as CSSProperties['textAlign'];
  }
  if (typeof node.indent === 'number' && node.indent > 0) style.paddingInlineStart = `${node.indent * 1.5}em`;
  return Object.keys(style).length > 0 ? style : undefined;
}

function childrenOf(node: LexicalNodeJson): LexicalNodeJson[] {
  return Array.isArray(node.children) ? node.children : [];
}

/** Table fonts shrink with the column count, so a wide table fits the page width instead of being cropped. */
export function tableFontSize(columns: number): string {
  if (columns <= 6) return '9.5pt';
  if (columns <= 9) return '8.5pt';
  if (columns <= 12) return '7.5pt';
  if (columns <= 16) return '6.5pt';
  return '5.5pt';
}

function columnCount(table: LexicalNodeJson): number {
  let most = 0;
  for (const row of childrenOf(table)) {
    const cells = childrenOf(row).reduce(
      (n, c) => n + (typeof c.colSpan === 'number' && c.colSpan > 1 ? c.colSpan : 1),
      0,
    );
    most = Math.max(most, cells);
  }
  return most;
}

/** Plain text of a subtree, for nodes shown as text only (code, unknown nodes). */
function plainText(node: LexicalNodeJson): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  return childrenOf(node).map(plainText).join('');
}

export function renderNodes(nodes: readonly LexicalNodeJson[], hooks: RichTextHooks, prefix: string): ReactNode[] {
  return nodes.map((node, i) => renderNode(node, hooks, `${prefix}.${i}`));
}

function renderTable(node: LexicalNodeJson, hooks: RichTextHooks, key: string): JSX.Element {
  const columns = columnCount(node);
  return (
    <table key={key} className="pr-rt-table" style={{ fontSize: tableFontSize(columns) }} data-columns={columns}>
      <tbody>
        {childrenOf(node).map((row, r) => (
          <tr key={`${key}.${r}`}>
            {childrenOf(row).map((cell, c) => {
              const header = typeof cell.headerState === 'number' && cell.headerState > 0;
              const Cell = header ? 'th' : 'td';
              const colSpan = typeof cell.colSpan === 'number' && cell.colSpan > 1 ? cell.colSpan : undefined;
              const rowSpan = typeof cell.rowSpan === 'number' && cell.rowSpan > 1 ? cell.rowSpan : undefined;
              const background = typeof cell.backgroundColor === 'string' ? cell.backgroundColor : undefined;
              return (
                <Cell
                  key={`${key}.${r}.${c}`}
                  colSpan={colSpan}
                  rowSpan={rowSpan}
                  style={background ? { backgroundColor: background } : undefined}
                >
                  {renderNodes(childrenOf(cell), hooks, `${key}.${r}.${c}`)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function renderList(node: LexicalNodeJson, hooks: RichTextHooks, key: string): JSX.Element {
  const kind = node.listType === 'number' ? 'number' : node.listType === 'check' ? 'check' : 'bullet';
  const items = childrenOf(node).map((item, i) => {
    const itemKey = `${key}.${i}`;
    const nested = childrenOf(item).some((c) => c.type === 'list');
    const checked = kind === 'check' ? item.checked === true : undefined;
    return (
      <li
        key={itemKey}
        className={
          nested ? 'pr-li-nested' : checked === undefined ? undefined : checked ? 'pr-li-checked' : 'pr-li-unchecked'
        }
        style={elementStyle(item)}
      >
        {checked !== undefined && (
          <span className="pr-check" aria-hidden="true">
            {checked ? '\u2611' : '\u2610'}
          </span>
        )}
        {renderNodes(childrenOf(item), hooks, itemKey)}
      </li>
    );
  });
  if (kind === 'number') {
    const start = typeof node.start === 'number' ? node.start : 1;
    return (
      <ol key={key} start={start} className="pr-ol">
        {items}
      </ol>
    );
  }
  return (
    <ul key={key} className={kind === 'check' ? 'pr-checklist' : 'pr-ul'}>
      {items}
    </ul>
  );
}

export function renderNode(node: LexicalNodeJson, hooks: RichTextHooks, key: string): ReactNode {
  switch (node.type) {
    case 'root':
      return <div key={key}>{renderNodes(childrenOf(node), hooks, key)}</div>;
    case 'paragraph': {
      const children = childrenOf(node);
      return (
        <p key={key} className="pr-p" style={elementStyle(node)}>
          {children.length > 0 ? renderNodes(children, hooks, key) : '\u00a0'}
        </p>
      );
    }
    case 'heading': {
      const tag = typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? node.tag : 'h2';
      // The entry's title is the page's h1; the content's headings sit one level below it.
      const Tag = `h${Math.min(6, Number(tag.slice(1)) + 1)}` as 'h2';
      return (
        <Tag key={key} className={`pr-${tag}`} style={elementStyle(node)}>
          {renderNodes(childrenOf(node), hooks, key)}
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote key={key} className="pr-quote" style={elementStyle(node)}>
          {renderNodes(childrenOf(node), hooks, key)}
        </blockquote>
      );
    case 'list':
      return renderList(node, hooks, key);
    case 'listitem':
      // A list item outside a list: keep its content.
      return <div key={key}>{renderNodes(childrenOf(node), hooks, key)}</div>;
    case 'table':
      return renderTable(node, hooks, key);
    case 'code':
      return (
        <pre
          key={key}
          className="pr-code-block"
          data-language={typeof node.language === 'string' ? node.language : undefined}
        >
          {plainText(node)}
        </pre>
      );
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' ? node.url : '';
      const children = renderNodes(childrenOf(node), hooks, key);
      if (!isAllowedLinkUrl(url)) return <span key={key}>{children}</span>;
      return (
        <a key={key} href={url} className="pr-link">
          {children}
        </a>
      );
    }
    case 'text':
    case 'code-highlight': {
      const text = typeof node.text === 'string' ? node.text : '';
      const { style, Tag } = textStyle(node);
      return (
        <Tag key={key} style={style}>
          {text}
        </Tag>
      );
    }
    case 'linebreak':
      return <br key={key} />;
    case 'tab':
      return <span key={key}>{'\t'}</span>;
    case 'horizontalrule':
      return <hr key={key} className="pr-hr" />;
    case 'protocol-block':
      return hooks.block(node, key);
    case 'attachment-image':
      return hooks.image(node, key);
    default: {
      // Content from a newer version of the app: show its text rather than lose it.
      const children = childrenOf(node);
      return (
        <div key={key} className="pr-unknown" data-node-type={node.type}>
          <span className="pr-unknown-label">[{node.type}]</span>{' '}
          {children.length > 0 ? renderNodes(children, hooks, key) : plainText(node)}
        </div>
      );
    }
  }
}
