import { describe, expect, it } from 'vitest';
import { documentOf, heading, list, paragraph, table, text } from '../../shared/domain/lexical-build';
import { lexicalStateSchema, MAX_NODE_DEPTH } from '../../shared/domain/lexical-schema';
import { plainTextOf } from '../../shared/domain/plain-text';
import type { LexicalNodeJson } from '../../shared/domain/types';

describe('plain text of a document', () => {
  it('puts blocks on their own lines and table cells apart by tabs', () => {
    const doc = documentOf(
      heading('h1', 'Induction day 0'),
      paragraph('Seeded ', text('1e6', 'bold'), ' cells'),
      list('bullet', [['cisplatin 15 uM'], ['etoposide 6 uM']]),
      table([
        ['day', 'N'],
        ['0', '1.00e6'],
      ]),
    );
    expect(plainTextOf(doc)).toBe(
      'Induction day 0\nSeeded 1e6 cells\ncisplatin 15 uM\netoposide 6 uM\nday\tN\n0\t1.00e6',
    );
  });
});

describe('content schema', () => {
  it('accepts documents built like the editor builds them', () => {
    expect(lexicalStateSchema.safeParse(documentOf(paragraph('ok'))).success).toBe(true);
  });

  it('rejects a document whose root is not a root node', () => {
    expect(lexicalStateSchema.safeParse({ root: { type: 'paragraph', children: [] } }).success).toBe(false);
    expect(lexicalStateSchema.safeParse({ root: null }).success).toBe(false);
    expect(lexicalStateSchema.safeParse('{"root":{}}').success).toBe(false);
  });

  it('rejects nesting deeper than the limit instead of recursing without end', () => {
    let node: LexicalNodeJson = { type: 'text', text: 'deep' };
    for (let i = 0; i < MAX_NODE_DEPTH + 5; i += 1) node = { type: 'quote', children: [node] };
    const result = lexicalStateSchema.safeParse({ root: { type: 'root', children: [node] } });
    expect(result.success).toBe(false);
  });
});
