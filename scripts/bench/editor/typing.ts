import type { Page } from '@playwright/test';
import type { Prng } from '../prng';
import { caretInMiddle, type CaretSpot, paragraphText } from './caret';
import { installKeystrokeProbe, type KeystrokeSample, takeKeystrokes } from './keystroke-probe';
import { type CpuTimes, RendererCpuClock } from './cpu-clock';
import { reactCommits } from './react-commits';
import { type FramePacing, startFrameClock, stopFrameClock } from './frame-clock';

/** One editor to type into. */
export interface TypingTarget {
  name: string;
  page: Page;
  /** The contenteditable root. */
  root: string;
  /** Waits until the page has finished what the typing set off (e.g. an autosave). */
  settle: () => Promise<void>;
}

export interface TypingOptions {
  /** Measured keystrokes per editor, split over the rounds. */
  keystrokes: number;
  /** Rounds per editor; the editors take turns (ABBA), so both see the same background load. */
  rounds: number;
  /** Keystrokes typed at the start of each round and not measured. */
  warmup: number;
  /** Milliseconds between one keydown and the next, drawn uniformly from this range. */
  cadence: readonly [number, number];
  /** How frames are paced while typing (see frame-clock.ts). */
  pacing: FramePacing;
}

export interface TypingResult {
  samples: KeystrokeSample[];
  longTasks: number;
  longTaskMs: number;
  /** CPU time per keystroke typed (warm-up included), from the start of each round until 250 ms after its last key. */
  cpuMsPerKey: CpuTimes;
  /** React commits per keystroke typed (warm-up included). */
  reactCommitsPerKey: number;
}

/** What a scientist types into the middle of the notes: letters, spaces, a little punctuation. */
const PHRASES = [
  'persisters regrew after the drug holiday',
  'counts were lower in the osimertinib arm',
  'repeat the CellTiter-Glo read tomorrow',
  'medium changed, plates back in the incubator',
  'ALDH high cells enriched at day nine',
  'vehicle wells looked confluent by day six',
];

function textToType(rng: Prng, length: number): string {
  let text = '';
  while (text.length < length) text += ` ${rng.pick(PHRASES)}${rng.chance(0.3) ? ',' : '.'}`;
  return text.slice(0, length);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeRound(page: Page, text: string, rng: Prng, cadence: TypingOptions['cadence']): Promise<void> {
  let next = performance.now();
  for (const char of text) {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    next += rng.int(cadence[0], cadence[1]);
    await page.keyboard.type(char);
  }
}

/**
 * Types into each target at a human cadence, a round at a time, the targets
 * taking turns in ABBA order. Every keydown is measured in the page (see
 * keystroke-probe.ts); each round's first `warmup` keys are dropped. Checks
 * at the end that the text landed where the caret was put.
 */
export async function measureTyping(
  targets: readonly TypingTarget[],
  rng: Prng,
  options: TypingOptions,
  progress: (message: string) => void,
): Promise<Map<string, TypingResult>> {
  const perRound = Math.ceil(options.keystrokes / options.rounds);
  const state = new Map<
    string,
    { target: TypingTarget; clock: RendererCpuClock; spot: CaretSpot; typed: string; result: TypingResult }
  >();
  for (const target of targets) {
    await target.page.bringToFront();
    await installKeystrokeProbe(target.page, target.root);
    const spot = await caretInMiddle(target.page, target.root);
    const clock = await RendererCpuClock.attach(target.page);
    const result: TypingResult = {
      samples: [],
      longTasks: 0,
      longTaskMs: 0,
      cpuMsPerKey: { mainThread: 0, process: 0 },
      reactCommitsPerKey: 0,
    };
    state.set(target.name, { target, clock, spot, typed: '', result });
  }
  const cpu = new Map<string, CpuTimes>();
  const commits = new Map<string, number>();
  for (let round = 0; round < options.rounds; round += 1) {
    const order = round % 2 === 0 ? [...state.values()] : [...state.values()].reverse();
    for (const entry of order) {
      const { target, clock, result } = entry;
      progress(`typing: round ${round + 1}/${options.rounds}, ${target.name}`);
      await target.page.bringToFront();
      await takeKeystrokes(target.page);
      const text = textToType(rng, options.warmup + perRound);
      const commitsBefore = await reactCommits(target.page);
      const before = await clock.now();
      if (options.pacing === 'display') await startFrameClock(target.page);
      await typeRound(target.page, text, rng, options.cadence);
      await sleep(250);
      if (options.pacing === 'display') await stopFrameClock(target.page);
      const after = await clock.now();
      const sum = cpu.get(target.name) ?? { mainThread: 0, process: 0 };
      cpu.set(target.name, {
        mainThread: sum.mainThread + after.mainThread - before.mainThread,
        process: sum.process + after.process - before.process,
      });
      commits.set(target.name, (commits.get(target.name) ?? 0) + (await reactCommits(target.page)) - commitsBefore);
      const report = await takeKeystrokes(target.page);
      if (report.samples.length < text.length) {
        throw new Error(`${target.name}: ${report.samples.length} keystrokes measured of ${text.length} typed.`);
      }
      result.samples.push(...report.samples.slice(options.warmup));
      result.longTasks += report.longTasks;
      result.longTaskMs += report.longTaskMs;
      entry.typed += text;
      await target.settle();
    }
  }
  const results = new Map<string, TypingResult>();
  for (const { target, spot, typed, result } of state.values()) {
    // A space typed at the end of a line may be kept as a no-break space.
    const now = (await paragraphText(target.page, target.root, spot)).replace(/\u00a0/g, ' ');
    if (now !== spot.text.replace(/\u00a0/g, ' ') + typed) {
      throw new Error(`${target.name}: the typed text did not land at the caret (paragraph ends "${now.slice(-40)}").`);
    }
    const keys = options.rounds * (options.warmup + perRound);
    const sum = cpu.get(target.name) ?? { mainThread: 0, process: 0 };
    result.cpuMsPerKey = { mainThread: sum.mainThread / keys, process: sum.process / keys };
    result.reactCommitsPerKey = (commits.get(target.name) ?? 0) / keys;
    results.set(target.name, result);
  }
  return results;
}
