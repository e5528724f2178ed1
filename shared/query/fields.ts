/**
 * How a field name in a query matches indexed field paths ("drug",
 * "treatments.drug", "stock.drug", "fit.ic50"): a bare name matches a field
 * id at any level; a dotted name matches that path exactly.
 */
export function fieldMatches(name: string, path: string): boolean {
  const n = name.toLowerCase();
  if (n.includes('.')) return path === n;
  return path === n || path.endsWith(`.${n}`);
}
