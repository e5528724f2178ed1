import { documentOf, heading } from '../../../shared/domain/lexical-build';
import type { LexicalNodeJson, LexicalState } from '../../../shared/domain/types';
import { PROTOCOL_BLOCK_TYPE } from '../../../shared/templates/block';
import type { Prng } from '../prng';
import { generateEntry } from '../vocabulary';

export interface BenchDocument {
  content: LexicalState;
  /** Words of running text (headings, paragraphs, lists, tables), blocks not counted. */
  words: number;
  blocks: number;
}

/**
 * A long entry as people write them: sections of lab-notebook text (the core
 * benchmark's vocabulary: headings, paragraphs, a numbered method, count
 * tables, a checklist) until `words` is reached, with the protocol blocks
 * spread evenly between the top-level nodes.
 */
export function benchDocument(rng: Prng, words: number, blocks: readonly LexicalNodeJson[]): BenchDocument {
  const nodes: LexicalNodeJson[] = [];
  let count = 0;
  while (count < words) {
    const section = generateEntry(rng, 300, 600);
    nodes.push(heading('h1', section.title), ...section.blocks);
    count += section.words + section.title.split(/\s+/).length;
  }
  // Block i goes after top-level node round((i + 1) * n / (k + 1)): never first, never last.
  const step = nodes.length / (blocks.length + 1);
  const withBlocks: LexicalNodeJson[] = [];
  let next = 0;
  nodes.forEach((node, index) => {
    withBlocks.push(node);
    while (next < blocks.length && index + 1 >= Math.round((next + 1) * step)) {
      withBlocks.push(blocks[next] as LexicalNodeJson);
      next += 1;
    }
  });
  return { content: documentOf(...withBlocks), words: count, blocks: blocks.length };
}

/** The same document with its protocol blocks left out: what the bare Lexical page holds. */
export function withoutBlocks(content: LexicalState): LexicalState {
  const children = (content.root.children ?? []).filter((node) => node.type !== PROTOCOL_BLOCK_TYPE);
  return { ...content, root: { ...content.root, children } };
}
