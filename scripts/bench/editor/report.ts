import type { EditorBenchResult } from './bench';

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The editor section of the readable table (`npm run bench` without --json). */
export function renderEditorTable(r: EditorBenchResult): string {
  const rows: Array<[string, string, string]> = [
    [
      'open entry, 20 blocks: p50 / p95',
      `${r.open_entry_20_blocks_p50_ms} / ${r.open_entry_20_blocks_p95_ms} ms`,
      `target < 150 ms: ${met(r.targets.open_entry_20_blocks_p95_under_150_ms)}`,
    ],
    [
      '  first open in the window',
      `${r.open_entry_20_blocks_first_ms} ms`,
      `${r.open_entry_20_blocks_opens} opens after it; ${r.open_entry_20_blocks_words} words; blocks in view / forms mounted: ${r.open_entry_20_blocks_blocks_in_view} / ${r.open_entry_20_blocks_forms_mounted}`,
    ],
    [
      '  until idle: p50 / p95',
      `${r.open_entry_20_blocks_idle_p50_ms} / ${r.open_entry_20_blocks_idle_p95_ms} ms`,
      'click to the first idle callback',
    ],
    [
      '  main-thread CPU: p50 / p95',
      `${r.open_entry_20_blocks_cpu_p50_ms} / ${r.open_entry_20_blocks_cpu_p95_ms} ms`,
      'click until idle (CPU time: steadier under load)',
    ],
    [
      '  entry content through the harness: p50',
      `${r.open_entry_20_blocks_harness_load_p50_ms} ms`,
      'entries.get round trip, part of each open (not in the app: Electron IPC)',
    ],
    [
      'keydown to paint (display clock): p50 / p95 / p99',
      `${r.keystroke_p50_ms} / ${r.keystroke_p95_ms} / ${r.keystroke_p99_ms} ms`,
      `${r.keystroke_samples} keys, ${r.keystroke_doc_words} words, ${r.keystroke_doc_blocks} blocks (${r.keystroke_doc_forms_mounted} forms mounted near the caret)`,
    ],
    [
      '  bare Lexical, same text',
      `${r.bare_lexical_keystroke_p50_ms} / ${r.bare_lexical_keystroke_p95_ms} / ${r.bare_lexical_keystroke_p99_ms} ms`,
      '',
    ],
    [
      '  Persist / bare Lexical (p95)',
      `${r.keystroke_vs_bare_lexical_ratio}x`,
      `target <= 1.15x: ${met(r.targets.keystroke_within_1_15x_bare_lexical)}`,
    ],
    [
      'keydown to paint (frames on demand): p50 / p95',
      `${r.keystroke_on_demand_frames_p50_ms} / ${r.keystroke_on_demand_frames_p95_ms} ms`,
      `bare Lexical ${r.bare_lexical_keystroke_on_demand_frames_p50_ms} / ${r.bare_lexical_keystroke_on_demand_frames_p95_ms} ms; Persist / bare (p95) ${r.keystroke_on_demand_frames_vs_bare_lexical_ratio}x`,
    ],
    [
      '  p95 of keys clear of long tasks',
      `${r.keystroke_p95_outside_long_tasks_ms} / ${r.bare_lexical_keystroke_p95_outside_long_tasks_ms} ms`,
      `Persist / bare: ${r.keystroke_outside_long_tasks_vs_bare_lexical_ratio}x; ${r.keystroke_keys_during_long_tasks} keys met a long task`,
    ],
    [
      'keydown to DOM updated: p50 / p95',
      `${r.keystroke_work_p50_ms} / ${r.keystroke_work_p95_ms} ms`,
      `target p95 < 6 ms: ${met(r.targets.keystroke_work_p95_under_6_ms)}`,
    ],
    ['  bare Lexical', `${r.bare_lexical_keystroke_work_p50_ms} / ${r.bare_lexical_keystroke_work_p95_ms} ms`, ''],
    [
      'main-thread CPU per key',
      `${r.keystroke_main_thread_cpu_ms_per_key} / ${r.bare_lexical_main_thread_cpu_ms_per_key} ms`,
      `Persist / bare: ${r.keystroke_main_thread_cpu_vs_bare_lexical_ratio}x (CPU time: steadier under load)`,
    ],
    [
      'renderer process CPU per key',
      `${r.keystroke_renderer_cpu_ms_per_key} / ${r.bare_lexical_renderer_cpu_ms_per_key} ms`,
      'Persist / bare; adds compositor and raster threads',
    ],
    [
      'React commits per key',
      `${r.keystroke_react_commits_per_key} / ${r.bare_lexical_react_commits_per_key}`,
      'Persist / bare; each one walks the whole contenteditable',
    ],
    [
      'long tasks while typing',
      `${r.keystroke_long_tasks} (${r.keystroke_long_task_ms} ms)`,
      `bare: ${r.bare_lexical_long_tasks}; ${r.autosaves_while_typing} autosaves`,
    ],
  ];
  const w0 = Math.max(...rows.map((row) => row[0].length));
  const w1 = Math.max(...rows.map((row) => row[1].length));
  return [
    `Editor (headless Chromium), load average before / after: ${r.load_average_before.join(' ')} / ${r.load_average_after.join(' ')}`,
    ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd()),
    '',
  ].join('\n');
}
