import type { LexicalNodeJson } from '../domain/types';
import { type BlockValues, PROTOCOL_BLOCK_TYPE, PROTOCOL_BLOCK_VERSION } from '../templates/block';
import type { TemplateDefinition } from '../templates/definition';

/**
 * The serialized Lexical node of a protocol block (shape declared in
 * shared/templates/block.ts), for content made outside the editor: the demo
 * experiment, tests, benchmarks.
 */
export function protocolBlockNode(blockId: string, template: TemplateDefinition, values: BlockValues): LexicalNodeJson {
  return {
    type: PROTOCOL_BLOCK_TYPE,
    version: PROTOCOL_BLOCK_VERSION,
    blockId,
    templateId: template.id,
    templateVersion: template.version,
    values,
  };
}
