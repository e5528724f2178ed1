/**
 * A stored UTC time as the record prints it: "2026-11-26 14:02:11 UTC". UTC,
 * not the printing machine's zone, so two copies of one record read the same.
 */
export function utcText(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
