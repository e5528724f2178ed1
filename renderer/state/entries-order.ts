import type { EntrySummary } from '../../shared/domain/types';

/** The list's order, the same the core uses: most recently changed first. */
export function sortEntries(entries: EntrySummary[]): EntrySummary[] {
  return [...entries].sort((a, b) =>
    a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** Replaces one summary (matched by id) and keeps the order. */
export function upsertEntry(entries: EntrySummary[], next: EntrySummary): EntrySummary[] {
  return sortEntries([...entries.filter((e) => e.id !== next.id), next]);
}
