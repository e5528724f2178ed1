import type { TemplateSummary } from '../../../shared/templates/summaries';

function haystack(t: TemplateSummary): string {
  return `${t.code ?? ''} ${t.name} ${t.id} ${t.category} ${t.description}`.toLowerCase();
}

/**
 * Templates matching what was typed after "/" or in the picker: every word
 * must occur; a match on the code ("t4") or the start of the name ranks first.
 */
export function searchTemplates(templates: readonly TemplateSummary[], query: string): TemplateSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const sorted = [...templates].sort((a, b) =>
    (a.code ?? a.name).localeCompare(b.code ?? b.name, undefined, { numeric: true }),
  );
  if (words.length === 0) return sorted;
  const scored = sorted
    .map((t) => {
      const text = haystack(t);
      if (!words.every((w) => text.includes(w))) return null;
      const first = words[0] ?? '';
      const score =
        (t.code?.toLowerCase() === first ? 4 : 0) +
        (t.name.toLowerCase().startsWith(first) ? 2 : 0) +
        (t.id.startsWith(first) ? 1 : 0);
      return { t, score };
    })
    .filter((x): x is { t: TemplateSummary; score: number } => x !== null);
  return scored.sort((a, b) => b.score - a.score).map((x) => x.t);
}
