/**
 * Child process for test/unit/reliability-crash.test.ts: opens a profile and
 * writes as fast as it can (new entries, draft saves, checkpoints) until the
 * parent kills it with SIGKILL at a random moment.
 *
 * After every revision the core reports as committed, it appends the hash to
 * a log file, synchronously and fsync'ed. The log is written strictly after
 * the commit, so every hash in it must be found in the database afterwards,
 * however the process died.
 *
 * usage: node --import tsx test/support/child-crash-writer.ts PROFILE_DIR LOG_FILE SEED
 */
import fs from 'node:fs';
import { documentOf, heading, paragraph } from '../../shared/domain/lexical-build';
import type { Entry, RevisionSummary, SaveDraftResult } from '../../shared/domain/types';
import { createHandlers, dispatch, openProfile } from '../../electron/core/index';
import { Prng } from '../../scripts/bench/prng';

const [profileDir, logFile, seedText] = process.argv.slice(2);
if (!profileDir || !logFile) {
  process.stderr.write('usage: child-crash-writer.ts PROFILE_DIR LOG_FILE SEED\n');
  process.exit(2);
}
const rng = new Prng(Number(seedText ?? 1));
// A short checkpoint interval so that draft saves also cut timed revisions.
const ctx = openProfile(profileDir, { user: 'crash-writer', checkpointIntervalMs: 25 });
const handlers = createHandlers(ctx);
const log = fs.openSync(logFile, 'a');

function logRevision(revision: RevisionSummary | null | undefined): void {
  if (!revision) return;
  fs.writeSync(log, `${revision.hash}\n`);
  fs.fsyncSync(log);
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`);
  return result.data as T;
}

const PHRASES = [
  'Seeded 2e5 PC9 cells per well in a 6-well plate.',
  'Added osimertinib 2 µM; vehicle wells got 0.1 % DMSO.',
  'Day 3: most cells detached, residual persisters adherent and small.',
  'CellTiter-Glo read at 1 s integration; signal 4.1e4 RLU.',
  'Drug holiday started: medium replaced without drug.',
  'Mycoplasma PCR negative for all flasks.',
];

let notebookId = (await call<Array<{ id: string }>>('notebooks.list', {}))[0]?.id;
notebookId ??= (await call<{ id: string }>('notebooks.create', { name: 'Crash test' })).id;
const entries = new Map<string, { paragraphs: string[]; version: number }>();
for (const e of await call<Array<{ id: string }>>('entries.list', { limit: 50 })) {
  const full = await call<Entry>('entries.get', { id: e.id });
  entries.set(e.id, { paragraphs: [], version: full.draftVersion });
}

process.stdout.write('ready\n');

for (let step = 0; ; step += 1) {
  const roll = rng.next();
  if (entries.size === 0 || roll < 0.15) {
    const entry = await call<Entry>('entries.create', { notebookId, title: `Persister run ${rng.int(1, 9999)}` });
    logRevision(entry.headRevision);
    entries.set(entry.id, { paragraphs: [], version: entry.draftVersion });
  } else if (roll < 0.85) {
    const id = rng.pick([...entries.keys()]);
    const state = entries.get(id) as { paragraphs: string[]; version: number };
    state.paragraphs.push(`${rng.pick(PHRASES)} (step ${step})`);
    const content = documentOf(heading('h1', 'Observations'), ...state.paragraphs.slice(-40).map((p) => paragraph(p)));
    const saved = await call<SaveDraftResult>('entries.saveDraft', { id, content });
    state.version = saved.draftVersion;
    logRevision(saved.revision);
  } else {
    const id = rng.pick([...entries.keys()]);
    logRevision(await call<RevisionSummary | null>('entries.checkpoint', { id }));
  }
}
