import { create } from 'zustand';
import type { TemplateDefinition } from '../../../shared/templates/definition';
import type { TemplateSummary } from '../../../shared/templates/summaries';
import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { BUILTIN_TEMPLATES } from '../engine';

export type TemplateLoad =
  { status: 'loading' } | { status: 'ready'; template: TemplateDefinition } | { status: 'error'; message: string };

export type TemplateListLoad =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; templates: TemplateSummary[] }
  | { status: 'error'; message: string };

interface TemplateState {
  /** "id@version" -> the definition. A version never changes once stored, so entries stay valid forever. */
  byKey: Record<string, TemplateLoad>;
  list: TemplateListLoad;
}

/** Template definitions and the template list, fetched once per window and shared by every block. */
export const useTemplateStore = create<TemplateState>()(() => ({ byKey: {}, list: { status: 'idle' } }));

export const templateKey = (id: string, version: number) => `${id}@${version}`;

const inFlight = new Map<string, Promise<TemplateDefinition>>();

/**
 * The shipped definition of a built-in template version, for when the core
 * cannot answer: it is the same data, so an entry still shows its blocks.
 */
function builtin(id: string, version: number): TemplateDefinition | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id && t.version === version);
}

/** Loads a template version once; later calls share the answer. */
export function ensureTemplate(id: string, version: number): Promise<TemplateDefinition> {
  const key = templateKey(id, version);
  const known = useTemplateStore.getState().byKey[key];
  if (known?.status === 'ready') return Promise.resolve(known.template);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const set = (load: TemplateLoad) => useTemplateStore.setState((s) => ({ byKey: { ...s.byKey, [key]: load } }));
  if (!known) set({ status: 'loading' });
  const request = call('templates.get', { id, version }).then(
    (template) => {
      set({ status: 'ready', template });
      return template;
    },
    (error: unknown) => {
      const shipped = builtin(id, version);
      if (shipped) {
        set({ status: 'ready', template: shipped });
        return shipped;
      }
      set({ status: 'error', message: messageOf(error) });
      throw error;
    },
  );
  inFlight.set(key, request);
  void request.finally(() => inFlight.delete(key)).catch(() => undefined);
  return request;
}

const latestVersion = new Map<string, number>();

/** The newest version of a template (a link target's block does not say its version). */
export async function ensureLatestTemplate(id: string): Promise<TemplateDefinition> {
  const list = useTemplateStore.getState().list;
  const listed = list.status === 'ready' ? list.templates.find((t) => t.id === id)?.version : undefined;
  const version = listed ?? latestVersion.get(id);
  if (version !== undefined) return ensureTemplate(id, version);
  const template = await call('templates.get', { id });
  latestVersion.set(id, template.version);
  useTemplateStore.setState((s) => ({
    byKey: { ...s.byKey, [templateKey(id, template.version)]: { status: 'ready', template } },
  }));
  return template;
}

/** Asks again for a template that failed to load (the block's "Try again"). */
export function retryTemplate(id: string, version: number): void {
  useTemplateStore.setState((s) => {
    const byKey = { ...s.byKey };
    delete byKey[templateKey(id, version)];
    return { byKey };
  });
  void ensureTemplate(id, version).catch(() => undefined);
}

/** Loads the list of templates to insert (newest version of each). */
export async function loadTemplateList(force = false): Promise<void> {
  const current = useTemplateStore.getState().list;
  if (!force && (current.status === 'ready' || current.status === 'loading')) return;
  useTemplateStore.setState({ list: { status: 'loading' } });
  try {
    const templates = await call('templates.list', {});
    useTemplateStore.setState({ list: { status: 'ready', templates } });
  } catch (error) {
    useTemplateStore.setState({ list: { status: 'error', message: messageOf(error) } });
  }
}
