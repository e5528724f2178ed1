import { z } from 'zod';
import type { LexicalNodeJson, LexicalState } from './types';

/** Limits that keep one hostile or runaway document from exhausting memory. */
export const MAX_CONTENT_CHARS = 20_000_000;
export const MAX_NODE_DEPTH = 64;

const nodeShape: z.ZodType<LexicalNodeJson> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1).max(64),
    version: z.number().int().optional(),
    text: z.string().optional(),
    children: z.array(nodeShape).optional(),
  }),
);

function depthOf(node: LexicalNodeJson, limit: number): number {
  let depth = 1;
  for (const child of node.children ?? []) {
    depth = Math.max(depth, 1 + depthOf(child, limit));
    if (depth > limit) return depth;
  }
  return depth;
}

/**
 * A Lexical serialized editor state as the core accepts it: a root node with
 * typed children. Node-specific fields pass through untouched so new node
 * types do not need a schema change here.
 */
export const lexicalStateSchema: z.ZodType<LexicalState> = z
  .looseObject({
    root: z.looseObject({
      type: z.literal('root'),
      children: z.array(nodeShape),
    }),
  })
  .superRefine((state, ctx) => {
    if (depthOf(state.root as LexicalNodeJson, MAX_NODE_DEPTH) > MAX_NODE_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `content nests deeper than ${MAX_NODE_DEPTH} levels` });
    }
  }) as z.ZodType<LexicalState>;

/** An empty document: one empty paragraph, as Lexical itself creates. */
export function emptyLexicalState(): LexicalState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}
