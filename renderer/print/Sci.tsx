import type { JSX, ReactNode } from 'react';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
// A power of ten as shared/units writes it: "10⁶", "10⁻³".
const POWER_OF_TEN = /10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;

function plainDigits(superscript: string): string {
  return Array.from(superscript, (c) => (c === '⁻' ? '−' : String(SUPERSCRIPTS.indexOf(c)))).join('');
}

/**
 * Text with powers of ten ("1.5 × 10⁶") set as 10<sup>6</sup>: the shipped
 * fonts' web subsets have no superscript digits beyond ¹²³, and a PDF must
 * not borrow glyphs from whatever fonts the printing machine has.
 */
export function Sci({ text }: { text: string }): JSX.Element {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(POWER_OF_TEN)) {
    const at = match.index ?? 0;
    parts.push(text.slice(last, at), '10', <sup key={at}>{plainDigits(match[1] ?? '')}</sup>);
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
