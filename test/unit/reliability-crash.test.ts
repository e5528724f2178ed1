import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProfile, verifyChains } from '../../electron/core/index';
import { Prng, seedFrom } from '../../scripts/bench/prng';
import { REPO_ROOT, removeDir, runCli, tempDir } from '../support/child-cli';

/**
 * Kills a writing process with SIGKILL at random moments, 50 times, and checks
 * after each kill that nothing committed was lost and nothing is half-written.
 * Replay a failure with CRASH_SEED=<seed printed below>.
 */
const SEED = seedFrom(process.env.CRASH_SEED);
const KILLS = 50;
console.log(`crash test seed: ${SEED} (replay with CRASH_SEED=${SEED})`);

const WRITER = path.join(REPO_ROOT, 'test/support/child-crash-writer.ts');
const root = tempDir('crash');
afterAll(() => removeDir(root));

/** Starts the writer and resolves once it has opened the profile and begun writing. */
function startWriter(profileDir: string, logFile: string, seed: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, profileDir, logFile, String(seed)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer did not become ready: ${stderr}`));
    }, 15_000);
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (d.includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Before "ready" this is a failure; after it, only SIGKILL is expected (checked by the caller).
      reject(new Error(`writer exited early (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

function killAndWait(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });
}

/** Hashes from complete lines of the log; a line cut off by the kill is ignored. */
function loggedHashes(logFile: string): string[] {
  if (!fs.existsSync(logFile)) return [];
  const text = fs.readFileSync(logFile, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete.split('\n').filter((line) => line.length > 0);
}

describe(`crash safety (seed ${SEED})`, () => {
  it(`survives ${KILLS} SIGKILLs mid-write with nothing committed lost`, { timeout: 150_000 }, async () => {
    const rng = new Prng(SEED);
    const profileDir = path.join(root, 'profile');
    const logFile = path.join(root, 'committed.log');
    openProfile(profileDir).close(); // created and seeded up front: the kills target ordinary writes

    let previous = 0;
    let killedWhileWriting = 0;
    const started = Date.now();
    for (let round = 0; round < KILLS; round += 1) {
      const child = await startWriter(profileDir, logFile, rng.int(1, 2 ** 31));
      child.removeAllListeners('exit');
      const delay = rng.int(50, 400);
      await new Promise((r) => setTimeout(r, delay));
      const signal = await killAndWait(child);
      expect(signal, `round ${round}: the writer must still be running when killed`).toBe('SIGKILL');

      const ctx = openProfile(profileDir, { seed: false });
      try {
        const where = `round ${round} (seed ${SEED}, killed after ${delay} ms)`;
        expect(ctx.db.pragma('integrity_check', { simple: true }), where).toBe('ok');
        const stored = new Set(
          (ctx.db.prepare('SELECT hash FROM revisions').all() as Array<{ hash: string }>).map((r) => r.hash),
        );
        const logged = loggedHashes(logFile);
        const missing = logged.filter((h) => !stored.has(h));
        expect(missing, `${where}: committed revisions missing`).toEqual([]);
        const report = verifyChains(ctx);
        expect(report.broken, where).toEqual([]);
        // Each write is one transaction: an entry never exists without its draft and search row.
        const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
        const entries = count('SELECT count(*) AS n FROM entries');
        expect(count('SELECT count(*) AS n FROM drafts'), where).toBe(entries);
        expect(count('SELECT count(*) AS n FROM entries_fts'), where).toBe(entries);
        expect(count('SELECT count(*) AS n FROM entries WHERE revision_count < 1'), where).toBe(0);
        if (logged.length > previous) killedWhileWriting += 1;
        previous = logged.length;
      } finally {
        ctx.close();
      }
    }
    // The writer really was writing when it died, round after round.
    expect(killedWhileWriting).toBeGreaterThanOrEqual(KILLS * 0.8);
    expect(previous).toBeGreaterThan(KILLS * 10);

    const cli = await runCli(['verify', '--profile', profileDir]);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/: intact/);
    console.log(
      `${KILLS} kills in ${((Date.now() - started) / 1000).toFixed(1)} s; ${previous} committed revisions logged`,
    );
  });
});
