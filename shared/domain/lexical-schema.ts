import { z } from 'zod';
import { ATTACHMENT_IMAGE_NODE, ATTACHMENT_IMAGE_TYPE } from '../attachments/image-node';
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
 * The first image node (type "attachment-image", shared/attachments/image-node.ts)
 * whose shape is wrong, described; null when all are well-formed. Iterative:
 * runs after the depth check, over every node once.
 */
function attachmentImageProblem(root: LexicalNodeJson): string | null {
  const stack: LexicalNodeJson[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as LexicalNodeJson;
    if (node.type === ATTACHMENT_IMAGE_TYPE) {
      const parsed = ATTACHMENT_IMAGE_NODE.safeParse(node);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return `image node: ${issue?.path.map(String).join('.') || 'node'}: ${issue?.message ?? 'invalid'}`;
      }
    }
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child);
  }
  return null;
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
      return;
    }
    const imageProblem = attachmentImageProblem(state.root as LexicalNodeJson);
    if (imageProblem) ctx.addIssue({ code: 'custom', message: imageProblem });
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
