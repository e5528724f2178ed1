import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers, openProfile, type CoreContext } from '../../electron/core/index';
import { CHANNEL_NAMES } from '../../shared/ipc/names';
import { APP_ORIGIN } from '../../electron/main/origin';

// ipcMain is the one fake: it records the handlers main registers so the test
// can call them the way Electron would, with an event naming the sender frame.
type Handler = (event: unknown, input: unknown) => Promise<unknown>;
const registry = vi.hoisted(() => new Map<string, Handler>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (registry.has(channel)) throw new Error(`second handler for ${channel}`);
      registry.set(channel, handler);
    },
    removeHandler: (channel: string) => registry.delete(channel),
  },
}));
const { registerIpcHandlers } = await import('../../electron/main/ipc');
const { sendEvent } = await import('../../electron/main/events');

const fromFrame = (url: string | null) => ({ senderFrame: url === null ? null : { url } });
const call = (channel: string, event: unknown, input: unknown) => {
  const handler = registry.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input);
};

describe('IPC registration over a real profile', () => {
  let dir: string;
  let ctx: CoreContext;
  let unregister: () => void;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-ipc-'));
    ctx = openProfile(dir, { user: 'tester' });
    unregister = registerIpcHandlers(createHandlers(ctx), APP_ORIGIN);
  });
  afterAll(() => {
    unregister();
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers exactly the contract channels', () => {
    expect([...registry.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers a trusted frame with data from the core', async () => {
    const info = await call('app.info', fromFrame('persist-app://app/index.html'), {});
    expect(info).toMatchObject({ ok: true, data: { profileDir: dir, user: 'tester' } });

    const notebooks = (await call('notebooks.list', fromFrame('persist-app://app/'), {})) as {
      ok: boolean;
      data: Array<{ name: string }>;
    };
    expect(notebooks.ok).toBe(true);
    expect(notebooks.data.length).toBeGreaterThan(0);
  });

  it('round-trips a write: create a notebook, then find it listed', async () => {
    const trusted = fromFrame('persist-app://app/index.html');
    const created = (await call('notebooks.create', trusted, { name: 'Cisplatin persisters' })) as {
      ok: true;
      data: { id: string; name: string };
    };
    expect(created).toMatchObject({ ok: true, data: { name: 'Cisplatin persisters' } });
    const listed = (await call('notebooks.list', trusted, {})) as { data: Array<{ id: string }> };
    expect(listed.data.map((n) => n.id)).toContain(created.data.id);
  });

  it('refuses untrusted or vanished senders before looking at the input', async () => {
    const untrusted = [
      fromFrame(null),
      fromFrame('https://evil.example/'),
      fromFrame('file:///tmp/index.html'),
      fromFrame('persist-app://other/index.html'),
      fromFrame('about:blank'),
      {},
      {
        get senderFrame() {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ];
    for (const event of untrusted) {
      await expect(call('notebooks.create', event, { name: 'Should not exist' })).resolves.toEqual({
        ok: false,
        code: 'forbidden',
        message: expect.any(String),
      });
    }
    const listed = (await call('notebooks.list', fromFrame('persist-app://app/'), {})) as {
      data: Array<{ name: string }>;
    };
    expect(listed.data.map((n) => n.name)).not.toContain('Should not exist');
  });

  it('rejects invalid input from a trusted frame with invalid_input', async () => {
    const trusted = fromFrame('persist-app://app/index.html');
    for (const [channel, input] of [
      ['notebooks.create', { name: 42 }],
      ['notebooks.create', { name: 'x', extra: true }],
      ['entries.get', { id: '../../etc/passwd' }],
      ['app.info', null],
      ['search.query', { q: 'x'.repeat(501) }],
    ] as const) {
      await expect(call(channel, trusted, input), channel).resolves.toMatchObject({ ok: false, code: 'invalid_input' });
    }
  });

  it('passes the core\u2019s own errors through as values', async () => {
    const result = await call('entries.get', fromFrame('persist-app://app/'), { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('removes every handler when asked', () => {
    unregister();
    expect(registry.size).toBe(0);
    unregister = registerIpcHandlers(createHandlers(ctx), APP_ORIGIN);
    expect(registry.size).toBe(CHANNEL_NAMES.length);
  });
});

describe('sendEvent', () => {
  const contents = (destroyed = false) => ({ send: vi.fn(), isDestroyed: () => destroyed });

  it('sends a contract event with a valid payload', () => {
    const wc = contents();
    const progress = { targetId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', phase: 'records' as const, done: 1, total: 3 };
    expect(sendEvent(wc, 'sync.progress', progress)).toBe(true);
    expect(wc.send).toHaveBeenCalledWith('sync.progress', progress);
  });

  it('refuses a payload that does not match the event schema', () => {
    const wc = contents();
    expect(() => sendEvent(wc, 'sync.progress', { done: 'one', total: 3 } as never)).toThrow(/malformed sync.progress/);
    expect(() =>
      sendEvent(wc, 'entries.changed', {
        entryId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
        draftVersion: 1,
        secret: 'x',
      } as never),
    ).toThrow();
    expect(wc.send).not.toHaveBeenCalled();
  });

  it('skips a closed window', () => {
    const wc = contents(true);
    const progress = { jobId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', state: 'running', done: 0, total: 2, title: 'A' } as const;
    expect(sendEvent(wc, 'export.progress', progress)).toBe(false);
    expect(sendEvent(null, 'export.progress', progress)).toBe(false);
    expect(wc.send).not.toHaveBeenCalled();
  });
});
