import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile of already collected samples (milliseconds). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Milliseconds a call takes (wall clock), the CPU milliseconds this process
 * spent in it, and its result. CPU time does not grow while the process waits
 * for the scheduler, so it stays meaningful on a machine busy with other work.
 */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Rounds for display and JSON: figures below 1 ms keep three decimals. */
export function round(ms: number): number {
  return Number.isFinite(ms) ? Number(ms.toFixed(ms < 10 ? 3 : 1)) : ms;
}
