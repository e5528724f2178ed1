import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch, createHandlers, type CoreContext } from '../../../electron/core/index';
import { documentOf, heading, paragraph } from '../../../shared/domain/lexical-build';
import type { LexicalState } from '../../../shared/domain/types';
import { Prng } from '../prng';
import { percentile, round } from '../stats';
import { CHROMIUM_ARGS } from '../../../test/support/chromium';
import { BENCH_ARGS, launchBenchBrowser } from './browser';
import { buildBundles } from './build';
import { benchDocument, withoutBlocks } from './document';
import { harnessLoadTimes } from './harness-load';
import { openBare, openPersist } from './hosts';
import { editorRootOf, entryButton, measureOpenEntry, settled } from './open-entry';
import { benchBlocks, templateMix } from './protocol-blocks';
import { scrollThrough } from './scroll-through';
import { measureTyping, type TypingResult } from './typing';

export interface EditorBenchOptions {
  /** Opens of the 20-block entry (default 10). */
  opens: number;
  /** Measured keystrokes per editor (default 360). */
  keystrokes: number;
  seed: number;
  progress: (message: string) => void;
}

/** The editor benchmarks' figures: the `editor` object of `npm run bench -- --json`. */
export interface EditorBenchResult {
  open_entry_20_blocks_opens: number;
  open_entry_20_blocks_words: number;
  open_entry_20_blocks_blocks_in_view: number;
  open_entry_20_blocks_forms_mounted: number;
  open_entry_20_blocks_first_ms: number;
  open_entry_20_blocks_p50_ms: number;
  open_entry_20_blocks_p95_ms: number;
  open_entry_20_blocks_max_ms: number;
  open_entry_20_blocks_idle_p50_ms: number;
  open_entry_20_blocks_idle_p95_ms: number;
  open_entry_20_blocks_cpu_p50_ms: number;
  open_entry_20_blocks_cpu_p95_ms: number;
  open_entry_20_blocks_harness_load_p50_ms: number;
  keystroke_doc_words: number;
  keystroke_doc_blocks: number;
  keystroke_doc_screens_scrolled: number;
  keystroke_doc_blocks_seen_with_form: number;
  keystroke_doc_forms_mounted: number;
  block_templates: Record<string, number>;
  keystroke_samples: number;
  keystroke_p50_ms: number;
  keystroke_p95_ms: number;
  keystroke_p99_ms: number;
  keystroke_max_ms: number;
  bare_lexical_keystroke_p50_ms: number;
  bare_lexical_keystroke_p95_ms: number;
  bare_lexical_keystroke_p99_ms: number;
  keystroke_vs_bare_lexical_ratio: number;
  keystroke_on_demand_frames_samples: number;
  keystroke_on_demand_frames_p50_ms: number;
  keystroke_on_demand_frames_p95_ms: number;
  bare_lexical_keystroke_on_demand_frames_p50_ms: number;
  bare_lexical_keystroke_on_demand_frames_p95_ms: number;
  keystroke_on_demand_frames_vs_bare_lexical_ratio: number;
  keystroke_work_p50_ms: number;
  keystroke_work_p95_ms: number;
  keystroke_work_p99_ms: number;
  bare_lexical_keystroke_work_p50_ms: number;
  bare_lexical_keystroke_work_p95_ms: number;
  keystroke_input_delay_p95_ms: number;
  bare_lexical_keystroke_input_delay_p95_ms: number;
  keystroke_main_thread_cpu_ms_per_key: number;
  bare_lexical_main_thread_cpu_ms_per_key: number;
  keystroke_main_thread_cpu_vs_bare_lexical_ratio: number;
  keystroke_renderer_cpu_ms_per_key: number;
  bare_lexical_renderer_cpu_ms_per_key: number;
  keystroke_react_commits_per_key: number;
  bare_lexical_react_commits_per_key: number;
  keystroke_long_tasks: number;
  keystroke_keys_during_long_tasks: number;
  keystroke_p95_outside_long_tasks_ms: number;
  bare_lexical_keystroke_p95_outside_long_tasks_ms: number;
  keystroke_outside_long_tasks_vs_bare_lexical_ratio: number;
  keystroke_long_task_ms: number;
  bare_lexical_long_tasks: number;
  autosaves_while_typing: number;
  targets: {
    open_entry_20_blocks_p95_under_150_ms: boolean;
    keystroke_within_1_15x_bare_lexical: boolean;
    keystroke_work_p95_under_6_ms: boolean;
  };
  chromium: string;
  chromium_args: string[];
  cpus: number;
  load_average_before: number[];
  load_average_after: number[];
}

const OPEN_TITLE = 'Bench: entry with 20 protocol blocks';
const OTHER_TITLE = 'Bench: short note';
const TYPING_TITLE = 'Bench: 5,000 words and 20 protocol blocks';
const BLOCKS = 20;

async function createEntry(ctx: CoreContext, title: string, content: LexicalState): Promise<string> {
  const handlers = createHandlers(ctx);
  const notebooks = await dispatch(handlers, 'notebooks.list', {});
  if (!notebooks.ok) throw new Error(notebooks.message);
  const notebook = (notebooks.data as Array<{ id: string }>)[0];
  if (!notebook) throw new Error('The new profile has no notebook.');
  const created = await dispatch(handlers, 'entries.create', { notebookId: notebook.id, title, content });
  if (!created.ok) throw new Error(`Could not create "${title}": ${created.message}`);
  return (created.data as { id: string }).id;
}

const stat = (samples: readonly number[], p: number) => round(percentile(samples, p));
const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
const loadAverage = () => os.loadavg().map((l) => round(l));

function figures(result: TypingResult) {
  const paint = result.samples.map((s) => s.paint);
  const work = result.samples.map((s) => s.work).filter((w) => Number.isFinite(w));
  const delay = result.samples.map((s) => s.inputDelay);
  return { paint, work, delay };
}

/**
 * Opening an entry with 20 protocol blocks, and typing in a 5,000-word entry
 * with 20 blocks against the same text in a bare Lexical editor: the real
 * renderer on the real core and a real profile (autosave on), in headless
 * Chromium. See docs/PERFORMANCE.md, "Editor benchmarks".
 */
export async function runEditorBench(options: EditorBenchOptions): Promise<EditorBenchResult> {
  const { progress } = options;
  const loadBefore = loadAverage();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-bench-editor-'));
  try {
    progress('editor: building the renderer and the bare Lexical page…');
    const bundles = await buildBundles(path.join(work, 'bundles'));

    const rng = new Prng(options.seed ^ 0xed170);
    const today = new Date().toISOString().slice(0, 10);
    const openDoc = benchDocument(rng, 2000, benchBlocks(BLOCKS, today));
    const typingBlocks = benchBlocks(BLOCKS, today);
    const typingDoc = benchDocument(rng, 5000, typingBlocks);
    const shortDoc = documentOf(
      heading('h2', 'Plan'),
      paragraph('Thaw a vial of PC9 on Monday and split on Thursday.'),
    );

    const browser = await launchBenchBrowser();
    try {
      progress('editor: opening Persist on a new profile…');
      let openId = '';
      const app = await openPersist(browser, bundles.persist, path.join(work, 'profile'), async (ctx) => {
        await createEntry(ctx, TYPING_TITLE, typingDoc.content);
        openId = await createEntry(ctx, OPEN_TITLE, openDoc.content);
        await createEntry(ctx, OTHER_TITLE, shortDoc);
      });
      const bare = await openBare(browser, bundles.bare, withoutBlocks(typingDoc.content));
      try {
        progress(`editor: opening the 20-block entry ${options.opens} times…`);
        const opened = await measureOpenEntry(
          app.page,
          { title: OPEN_TITLE, blocks: BLOCKS },
          OTHER_TITLE,
          options.opens + 1,
        );

        const harnessLoad = await harnessLoadTimes(app.page, openId);

        progress('editor: typing…');
        await entryButton(app.page, TYPING_TITLE).click();
        await app.page.locator(`${editorRootOf(TYPING_TITLE)}[contenteditable="true"]`).waitFor();
        await app.page.waitForFunction(
          ({ root, blocks }) =>
            [...(document.querySelector(root)?.querySelectorAll('.protocol-block-host') ?? [])].filter((host) =>
              (host.shadowRoot ?? host).querySelector('.pb'),
            ).length === blocks,
          { root: editorRootOf(TYPING_TITLE), blocks: BLOCKS },
        );
        progress('editor: reading the entry through…');
        const read = await scrollThrough(app.page, editorRootOf(TYPING_TITLE));
        if (read.blocksSeen !== BLOCKS)
          throw new Error(`Scrolling through showed ${read.blocksSeen} blocks of ${BLOCKS}.`);
        await settled(app.page);
        const savesBefore = app.host.calls.filter((c) => c.channel === 'entries.saveDraft').length;
        const typingTargets = [
          { name: 'persist', page: app.page, root: editorRootOf(TYPING_TITLE), settle: () => settled(app.page) },
          {
            name: 'bare',
            page: bare.page,
            root: '.editor-content',
            settle: () => bare.page.waitForTimeout(300),
          },
        ];
        const typing = { keystrokes: options.keystrokes, rounds: 6, warmup: 8, cadence: [50, 80] as const };
        // Keydown to paint as on a monitor (frames on the display's clock), then with frames on demand.
        const onDisplay = await measureTyping(typingTargets, rng, { ...typing, pacing: 'display' }, progress);
        const typed = await measureTyping(typingTargets, rng, { ...typing, pacing: 'on-demand' }, progress);
        const saves = app.host.calls.filter((c) => c.channel === 'entries.saveDraft').length - savesBefore;
        const problems = [...app.problems, ...bare.problems];
        if (problems.length) throw new Error(`The pages reported problems:\n${problems.join('\n')}`);

        // Work, CPU and commits from the on-demand run: they do not depend on the frame clock.
        const ours = figures(typed.get('persist') as TypingResult);
        const ref = figures(typed.get('bare') as TypingResult);
        const persistTyping = typed.get('persist') as TypingResult;
        const bareTyping = typed.get('bare') as TypingResult;
        // Keydown to paint, the figure, as a person at a monitor sees it.
        const persistOnDisplay = onDisplay.get('persist') as TypingResult;
        const bareOnDisplay = onDisplay.get('bare') as TypingResult;
        const oursShown = figures(persistOnDisplay);
        const refShown = figures(bareOnDisplay);
        const opens = opened.times.slice(1);
        const idle = opened.idle.slice(1);
        const keyP95 = percentile(oursShown.paint, 95);
        const bareP95 = percentile(refShown.paint, 95);
        const onDemandP95 = percentile(ours.paint, 95);
        const bareOnDemandP95 = percentile(ref.paint, 95);
        const workP95 = percentile(ours.work, 95);
        const openP95 = percentile(opens, 95);
        const quiet = (t: TypingResult) => t.samples.filter((k) => !k.duringLongTask).map((k) => k.paint);
        const quietP95 = percentile(quiet(persistOnDisplay), 95);
        const bareQuietP95 = percentile(quiet(bareOnDisplay), 95);
        return {
          open_entry_20_blocks_opens: opens.length,
          open_entry_20_blocks_words: openDoc.words,
          open_entry_20_blocks_blocks_in_view: opened.blocksInView,
          open_entry_20_blocks_forms_mounted: opened.forms,
          open_entry_20_blocks_first_ms: round(opened.times[0] as number),
          open_entry_20_blocks_p50_ms: stat(opens, 50),
          open_entry_20_blocks_p95_ms: round(openP95),
          open_entry_20_blocks_max_ms: round(Math.max(...opens)),
          open_entry_20_blocks_idle_p50_ms: stat(idle, 50),
          open_entry_20_blocks_idle_p95_ms: stat(idle, 95),
          open_entry_20_blocks_cpu_p50_ms: stat(opened.cpu.slice(1), 50),
          open_entry_20_blocks_cpu_p95_ms: stat(opened.cpu.slice(1), 95),
          open_entry_20_blocks_harness_load_p50_ms: stat(harnessLoad, 50),
          keystroke_doc_words: typingDoc.words,
          keystroke_doc_blocks: typingDoc.blocks,
          keystroke_doc_screens_scrolled: read.steps,
          keystroke_doc_blocks_seen_with_form: read.blocksSeen,
          keystroke_doc_forms_mounted: await app.page.locator(`${editorRootOf(TYPING_TITLE)} .pb-form`).count(),
          block_templates: templateMix(typingBlocks),
          keystroke_samples: oursShown.paint.length,
          keystroke_p50_ms: stat(oursShown.paint, 50),
          keystroke_p95_ms: round(keyP95),
          keystroke_p99_ms: stat(oursShown.paint, 99),
          keystroke_max_ms: round(Math.max(...oursShown.paint)),
          bare_lexical_keystroke_p50_ms: stat(refShown.paint, 50),
          bare_lexical_keystroke_p95_ms: round(bareP95),
          bare_lexical_keystroke_p99_ms: stat(refShown.paint, 99),
          keystroke_vs_bare_lexical_ratio: ratio(keyP95, bareP95),
          keystroke_on_demand_frames_samples: ours.paint.length,
          keystroke_on_demand_frames_p50_ms: stat(ours.paint, 50),
          keystroke_on_demand_frames_p95_ms: round(onDemandP95),
          bare_lexical_keystroke_on_demand_frames_p50_ms: stat(ref.paint, 50),
          bare_lexical_keystroke_on_demand_frames_p95_ms: round(bareOnDemandP95),
          keystroke_on_demand_frames_vs_bare_lexical_ratio: ratio(onDemandP95, bareOnDemandP95),
          keystroke_work_p50_ms: stat(ours.work, 50),
          keystroke_work_p95_ms: round(workP95),
          keystroke_work_p99_ms: stat(ours.work, 99),
          bare_lexical_keystroke_work_p50_ms: stat(ref.work, 50),
          bare_lexical_keystroke_work_p95_ms: stat(ref.work, 95),
          keystroke_input_delay_p95_ms: stat(ours.delay, 95),
          bare_lexical_keystroke_input_delay_p95_ms: stat(ref.delay, 95),
          keystroke_main_thread_cpu_ms_per_key: round(persistTyping.cpuMsPerKey.mainThread),
          bare_lexical_main_thread_cpu_ms_per_key: round(bareTyping.cpuMsPerKey.mainThread),
          keystroke_main_thread_cpu_vs_bare_lexical_ratio: ratio(
            persistTyping.cpuMsPerKey.mainThread,
            bareTyping.cpuMsPerKey.mainThread,
          ),
          keystroke_renderer_cpu_ms_per_key: round(persistTyping.cpuMsPerKey.process),
          bare_lexical_renderer_cpu_ms_per_key: round(bareTyping.cpuMsPerKey.process),
          keystroke_react_commits_per_key: Number(persistTyping.reactCommitsPerKey.toFixed(2)),
          bare_lexical_react_commits_per_key: Number(bareTyping.reactCommitsPerKey.toFixed(2)),
          keystroke_long_tasks: persistTyping.longTasks + persistOnDisplay.longTasks,
          keystroke_keys_during_long_tasks: [...persistTyping.samples, ...persistOnDisplay.samples].filter(
            (k) => k.duringLongTask,
          ).length,
          keystroke_p95_outside_long_tasks_ms: round(quietP95),
          bare_lexical_keystroke_p95_outside_long_tasks_ms: round(bareQuietP95),
          keystroke_outside_long_tasks_vs_bare_lexical_ratio: ratio(quietP95, bareQuietP95),
          keystroke_long_task_ms: round(persistTyping.longTaskMs + persistOnDisplay.longTaskMs),
          bare_lexical_long_tasks: bareTyping.longTasks + bareOnDisplay.longTasks,
          autosaves_while_typing: saves,
          targets: {
            open_entry_20_blocks_p95_under_150_ms: openP95 < 150,
            keystroke_within_1_15x_bare_lexical: keyP95 / bareP95 <= 1.15,
            keystroke_work_p95_under_6_ms: workP95 < 6,
          },
          chromium: browser.version(),
          chromium_args: [...CHROMIUM_ARGS, ...BENCH_ARGS],
          cpus: os.cpus().length,
          load_average_before: loadBefore,
          load_average_after: loadAverage(),
        };
      } finally {
        await bare.close();
        await app.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
