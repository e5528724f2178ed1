import { useEffect } from 'react';
import {
  ensureTemplate,
  loadTemplateList,
  type TemplateListLoad,
  type TemplateLoad,
  templateKey,
  useTemplateStore,
} from './template-store';

const LOADING: TemplateLoad = { status: 'loading' };

/** The definition a block recorded (its own version, even when a newer one exists). */
export function useTemplate(id: string, version: number): TemplateLoad {
  const load = useTemplateStore((s) => s.byKey[templateKey(id, version)]);
  useEffect(() => {
    if (!load) void ensureTemplate(id, version).catch(() => undefined);
  }, [id, version, load]);
  return load ?? LOADING;
}

/** The templates offered for insertion; fetched on first use. */
export function useTemplateList(): TemplateListLoad {
  const list = useTemplateStore((s) => s.list);
  useEffect(() => {
    if (list.status === 'idle') void loadTemplateList();
  }, [list.status]);
  return list;
}
