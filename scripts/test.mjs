// `npm test`: every check and every test runner, in order, then one closing
// line "N passed, N failed, N skipped" summed over all of them (CI reads it).
// Every step runs even after a failure so one run shows everything; the exit
// code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const REPORTS = 'reports';
fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });

const npx = (args) => ({ cmd: process.execPath, args: ['node_modules/.bin/' + args[0], ...args.slice(1)] });
const node = (args) => ({ cmd: process.execPath, args });

/** Static checks count as one test each; runners report their own counts. */
const steps = [
  { name: 'typecheck (one tsconfig per layer)', ...node(['scripts/typecheck.mjs']) },
  { name: 'lint (ESLint, including the dependency rule)', ...npx(['eslint', '--max-warnings', '0', '.']) },
  { name: 'format (Prettier)', ...npx(['prettier', '--check', '--log-level', 'warn', '.']) },
  { name: 'unit and integration tests (Vitest)', ...npx(['vitest', 'run']), report: 'vitest' },
  { name: 'end-to-end tests (Playwright, Chromium)', ...npx(['playwright', 'test']), report: 'playwright' },
];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function countsOf(step, exitCode) {
  if (!step.report) return exitCode === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  if (step.report === 'vitest') {
    const r = readJson(`${REPORTS}/vitest.json`);
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
    // A test file that fails to load has no tests but is a failure.
    const brokenFiles = (r.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    ).length;
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + brokenFiles + (exitCode !== 0 && r.numFailedTests + brokenFiles === 0 ? 1 : 0),
      skipped: r.numPendingTests + r.numTodoTests,
    };
  }
  const r = readJson(`${REPORTS}/playwright.json`);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const s = r.stats;
  const errors = (r.errors ?? []).length;
  return {
    passed: s.expected + s.flaky,
    failed: s.unexpected + errors + (exitCode !== 0 && s.unexpected + errors === 0 ? 1 : 0),
    skipped: s.skipped,
  };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const counts = countsOf(step, result.status ?? 1);
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  lines.push(
    `${counts.failed ? 'FAIL' : 'ok  '} ${step.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
