import { useEffect, useState } from 'react';
import type { LinkValue } from '../../../shared/templates/block';
import type { LinkFieldDefinition } from '../../../shared/templates/definition';
import type { EvaluationEnv } from '../../../shared/templates/evaluation';
import { makeLinkValue } from '../../../shared/templates/snapshot';
import type { BlockRef } from '../../../shared/templates/summaries';
import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { ensureLatestTemplate } from '../templates/template-store';

/** One thing a link can point at, as the picker lists it. */
export interface LinkOption {
  key: string;
  title: string;
  detail: string;
  /** The link without its snapshot (entries, or while the target's template is unknown). */
  link: LinkValue;
  /** For a block target: the block as the core found it, to make the snapshot from. */
  ref?: BlockRef;
}

/**
 * The LinkValue to store for a chosen option: for a block, made by the
 * template engine (shared/templates/snapshot.ts), so the snapshot holds the
 * linked block's computed values too (a stock's molarity, an IC50).
 */
export async function linkValueFor(
  field: LinkFieldDefinition,
  option: LinkOption,
  env: EvaluationEnv,
): Promise<LinkValue> {
  const ref = option.ref;
  if (!ref) return option.link;
  try {
    const template = await ensureLatestTemplate(ref.templateId);
    return makeLinkValue(
      field,
      { entryId: ref.entryId, blockId: ref.blockId, template, values: ref.values, label: ref.label || undefined },
      env,
    );
  } catch {
    return option.link;
  }
}

export type LinkSearch =
  { status: 'idle' | 'searching' } | { status: 'done'; options: LinkOption[] } | { status: 'error'; message: string };

const DELAY_MS = 180;

function pick(
  values: Record<string, unknown>,
  keys: readonly string[] | undefined,
): Record<string, unknown> | undefined {
  if (!keys || keys.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (values[key] !== undefined) out[key] = values[key];
  return out;
}

async function search(field: LinkFieldDefinition, q: string): Promise<LinkOption[]> {
  if (field.target.kind === 'block') {
    const refs = await call('blocks.search', { templateIds: field.target.templateIds, q: q || undefined, limit: 20 });
    return refs.map((ref) => {
      const snapshot = pick(ref.values, field.snapshot);
      const link: LinkValue = {
        entryId: ref.entryId,
        blockId: ref.blockId,
        label: ref.label,
        templateId: ref.templateId,
      };
      if (snapshot) link.snapshot = snapshot;
      return {
        key: `${ref.entryId}/${ref.blockId}`,
        title: ref.label || ref.templateName,
        detail: `${ref.templateName} · ${ref.entryTitle}`,
        link,
        ref,
      };
    });
  }
  if (q === '') return [];
  const hits = await call('search.query', { q, limit: 20 });
  return hits.map((hit) => ({
    key: hit.entryId,
    title: hit.title,
    detail: hit.notebookName,
    link: { entryId: hit.entryId, label: hit.title },
  }));
}

/** Search-as-you-type for a link field: block targets list recent blocks even before typing. */
export function useLinkSearch(field: LinkFieldDefinition, query: string, open: boolean): LinkSearch {
  const [result, setResult] = useState<{ key: string; search: LinkSearch } | null>(null);
  const q = query.trim().slice(0, 200);
  const key = `${field.id}\u0000${q}`;
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      search(field, q).then(
        (options) => current && setResult({ key, search: { status: 'done', options } }),
        (error: unknown) => current && setResult({ key, search: { status: 'error', message: messageOf(error) } }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [field, q, key, open]);
  if (!open) return { status: 'idle' };
  return result?.key === key ? result.search : { status: 'searching' };
}
