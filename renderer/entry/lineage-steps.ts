import type { LineageNode } from '../../shared/templates/summaries';

/**
 * Orders lineage nodes into steps: a node comes one step after the latest of
 * its parents (parental line, then persisters, then regrowth, then harvest).
 * Cycles, which a hand-edited link could make, are cut rather than followed.
 */
export function lineageSteps(nodes: readonly LineageNode[]): LineageNode[][] {
  const byBlock = new Map(nodes.map((n) => [n.blockId, n]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (node: LineageNode): number => {
    const known = depth.get(node.blockId);
    if (known !== undefined) return known;
    if (visiting.has(node.blockId)) return 0;
    visiting.add(node.blockId);
    const parents = node.parents.map((id) => byBlock.get(id)).filter((p): p is LineageNode => p !== undefined);
    const d = parents.length === 0 ? 0 : 1 + Math.max(...parents.map(depthOf));
    visiting.delete(node.blockId);
    depth.set(node.blockId, d);
    return d;
  };
  const steps: LineageNode[][] = [];
  for (const node of nodes) {
    const d = depthOf(node);
    (steps[d] ??= []).push(node);
  }
  return steps.filter((s) => s && s.length > 0);
}
