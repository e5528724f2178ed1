import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';
import type { PersistBridge } from '../../shared/ipc/api';

// The real preload runs in a sandboxed Electron renderer; here only 'electron'
// is replaced, by spies that record what crosses the bridge.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as unknown as Mock,
  on: null as unknown as Mock,
  removeListener: null as unknown as Mock,
}));
vi.mock('electron', () => {
  fake.invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } }));
  fake.on = vi.fn();
  fake.removeListener = vi.fn();
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: { invoke: fake.invoke, on: fake.on, removeListener: fake.removeListener },
  };
});

await import('../../electron/preload/preload');
const persist = fake.exposed.get('persist') as PersistBridge;

/** The untyped view a hostile or buggy page has of the same object. */
const loose = persist as unknown as {
  invoke: (channel: unknown, input?: unknown) => Promise<unknown>;
  on: (event: unknown, listener: unknown) => () => void;
};

describe('window.persist', () => {
  beforeEach(() => {
    fake.invoke.mockClear();
    fake.on.mockClear();
    fake.removeListener.mockClear();
  });

  it('is the only thing exposed, frozen, with exactly invoke and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['persist']);
    expect(Object.isFrozen(persist)).toBe(true);
    expect(Object.keys(persist).sort()).toEqual(['invoke', 'on']);
    expect(() => {
      (persist as unknown as Record<string, unknown>).ipcRenderer = {};
    }).toThrow(TypeError);
    expect(JSON.stringify(Object.values(persist).map((v) => typeof v))).toBe('["function","function"]');
  });

  it('forwards every contract channel to ipcRenderer.invoke, unchanged', async () => {
    for (const channel of CHANNEL_NAMES) {
      const input = { probe: channel };
      await expect(loose.invoke(channel, input)).resolves.toEqual({ ok: true, data: { channel, input } });
    }
    expect(fake.invoke).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
  });

  it('answers unknown channels itself, without ever reaching ipcRenderer', async () => {
    const probes = [
      '',
      'entries.delete',
      'ELECTRON_BROWSER_REQUIRE',
      'constructor',
      '__proto__',
      'toString',
      42,
      null,
      {},
      ['app.info'],
    ];
    for (const channel of probes) {
      await expect(loose.invoke(channel, {})).resolves.toMatchObject({ ok: false, code: 'unknown_channel' });
    }
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed delivery into an error value instead of a rejection', async () => {
    fake.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(persist.invoke('app.info', {})).resolves.toEqual({
      ok: false,
      code: 'internal',
      message: 'An object could not be cloned.',
    });
  });

  it('subscribes to contract events; the page gets the payload, never the IpcRendererEvent', () => {
    const received: unknown[][] = [];
    const unsubscribe = persist.on('entries.changed', (...args: unknown[]) => received.push(args));
    expect(fake.on).toHaveBeenCalledTimes(1);
    const [eventName, forward] = fake.on.mock.calls[0] as [string, (...a: unknown[]) => void];
    expect(eventName).toBe('entries.changed');

    const ipcEvent = { sender: { invoke: fake.invoke, send: vi.fn() }, senderId: 0, ports: [] };
    forward(ipcEvent, { entryId: '01J', draftVersion: 3 });
    expect(received).toEqual([[{ entryId: '01J', draftVersion: 3 }]]);

    unsubscribe();
    expect(fake.removeListener).toHaveBeenCalledWith('entries.changed', forward);
    unsubscribe();
    expect(fake.removeListener).toHaveBeenCalledTimes(1);
  });

  it('subscribes every contract event, each with its own unsubscribe', () => {
    const offs = EVENT_NAMES.map((event) => persist.on(event, () => undefined));
    expect(fake.on.mock.calls.map((c) => c[0])).toEqual([...EVENT_NAMES]);
    offs.forEach((off) => off());
    expect(fake.removeListener.mock.calls.map((c) => c[0])).toEqual([...EVENT_NAMES]);
  });

  it('ignores unknown events and non-function listeners', () => {
    for (const event of ['entries.deleted', 'ELECTRON_RENDERER_IPC', '', 7, null]) {
      const off = loose.on(event, () => undefined);
      expect(typeof off).toBe('function');
      off();
    }
    loose.on('entries.changed', 'not a function');
    expect(fake.on).not.toHaveBeenCalled();
    expect(fake.removeListener).not.toHaveBeenCalled();
  });
});
