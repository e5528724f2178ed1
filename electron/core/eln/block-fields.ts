import type { LexicalNodeJson, LexicalState } from '../../../shared/domain/types';
import { PROTOCOL_BLOCK_TYPE } from '../../../shared/templates/block';

/** One template field value as a key-value pair with its unit (a schema.org PropertyValue). */
export interface FieldPair {
  blockId: string;
  templateId: string;
  /** The field's path in the block: "passage", "dilutions[0].final_conc". */
  path: string;
  value: string | number | boolean;
  unit: string | null;
}

const MAX_TEXT = 2000;

function isNumberValue(v: unknown): v is { value: number; unit: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { value?: unknown }).value === 'number' &&
    typeof (v as { unit?: unknown }).unit === 'string'
  );
}

/** Flattens one stored field value (see shared/templates/block.ts) into pairs. */
function flatten(path: string, value: unknown, out: Array<Omit<FieldPair, 'blockId' | 'templateId'>>): void {
  if (value === null || value === undefined || value === '') return;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push({ path, value: typeof value === 'string' ? value.slice(0, MAX_TEXT) : value, unit: null });
  } else if (isNumberValue(value)) {
    out.push({ path, value: value.value, unit: value.unit });
  } else if (typeof value === 'object' && typeof (value as { raw?: unknown }).raw === 'string') {
    out.push({ path, value: (value as { raw: string }).raw, unit: null });
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out.push({ path, value: value.join(', '), unit: null });
    else value.forEach((row, i) => flatten(`${path}[${i}]`, row, out));
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'rowId') continue;
      flatten(`${path}.${key}`, inner, out);
    }
  }
}

/** Every protocol block's stored values in a Lexical document, as key-value pairs. */
export function blockFieldsOf(content: LexicalState): FieldPair[] {
  const pairs: FieldPair[] = [];
  const stack: LexicalNodeJson[] = [content.root as LexicalNodeJson];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === PROTOCOL_BLOCK_TYPE) {
      const block = node as unknown as { blockId: string; templateId: string; values: Record<string, unknown> };
      const flat: Array<Omit<FieldPair, 'blockId' | 'templateId'>> = [];
      for (const [field, value] of Object.entries(block.values ?? {})) flatten(field, value, flat);
      pairs.push(...flat.map((f) => ({ ...f, blockId: block.blockId, templateId: block.templateId })));
    }
    const children = (node as { children?: LexicalNodeJson[] }).children;
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return pairs;
}
