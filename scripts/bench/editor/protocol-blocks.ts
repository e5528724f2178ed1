import { ulid } from 'ulid';
import { demoExperiment } from '../../../shared/demo/index';
import type { LexicalNodeJson } from '../../../shared/domain/types';
import { PROTOCOL_BLOCK_TYPE } from '../../../shared/templates/block';

/**
 * `count` protocol blocks with realistic values: the blocks of the demo
 * NCI-H69 experiment (shared/demo: model records, drug stocks, an IC50 plate
 * with its readings, the persister induction, the drug holiday, the harvest,
 * the barcoding, the in vivo arm; all eight built-in templates), repeated in
 * order until there are enough, each copy with a block id of its own. Their
 * links point to demo entries that are not in the benchmark profile; a link
 * shows the label and snapshot it stores, so it renders the same.
 */
export function benchBlocks(count: number, today: string): LexicalNodeJson[] {
  const demo = demoExperiment(ulid, { today, user: 'bench' }).flatMap((entry) =>
    (entry.content.root.children ?? []).filter((node) => node.type === PROTOCOL_BLOCK_TYPE),
  );
  if (demo.length === 0) throw new Error('The demo experiment has no protocol blocks.');
  return Array.from({ length: count }, (_, i) => ({ ...(demo[i % demo.length] as LexicalNodeJson), blockId: ulid() }));
}

/** The templates the blocks use, by id, with how many blocks use each. */
export function templateMix(blocks: readonly LexicalNodeJson[]): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const block of blocks) {
    const id = String(block.templateId);
    mix[id] = (mix[id] ?? 0) + 1;
  }
  return mix;
}
