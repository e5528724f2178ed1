import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { DebouncedSaver } from '../../renderer/autosave/debounced-saver';

// The text's saver (renderer/autosave/debounced-saver.ts): when typing is
// saved, and that each save carries the latest value.

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function saverRecording() {
  const saved: string[] = [];
  const times: number[] = [];
  const saver = new DebouncedSaver<string>({
    debounceMs: 500,
    maxWaitMs: 2000,
    onState: () => {},
    save: async (value) => {
      saved.push(value);
      times.push(Date.now());
      return '2026-01-01T00:00:00.000Z';
    },
  });
  return { saver, saved, times };
}

test('a pause in typing saves the latest value once, after the debounce', async () => {
  const { saver, saved } = saverRecording();
  saver.update('a');
  await vi.advanceTimersByTimeAsync(300);
  saver.update('ab');
  await vi.advanceTimersByTimeAsync(499);
  expect(saved).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  expect(saved).toEqual(['ab']);
  await vi.advanceTimersByTimeAsync(5000);
  expect(saved).toEqual(['ab']);
});

test('continuous typing is saved at least every maxWait, each time with the latest value', async () => {
  const { saver, saved, times } = saverRecording();
  const start = Date.now();
  let text = '';
  for (let ms = 0; ms < 4500; ms += 60) {
    text += 'x';
    saver.update(text);
    await vi.advanceTimersByTimeAsync(60);
  }
  // Due 2 s after the first unsaved change: at 2000 ms, then 2 s after the change at 2040 ms.
  expect(times.map((t) => t - start)).toEqual([2000, 4040]);
  // Each save takes what was typed until then (a change every 60 ms, the first at 0 ms).
  expect(saved.map((s) => s.length)).toEqual([34, 68]);
  await vi.advanceTimersByTimeAsync(500);
  expect(saved.at(-1)).toBe(text);
  expect(saved).toHaveLength(3);
});

test('flush saves at once and the cancelled timer saves nothing more', async () => {
  const { saver, saved } = saverRecording();
  saver.update('draft');
  await saver.flush();
  expect(saved).toEqual(['draft']);
  expect(saver.hasUnsaved()).toBe(false);
  await vi.advanceTimersByTimeAsync(3000);
  expect(saved).toEqual(['draft']);
});
