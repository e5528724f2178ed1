/**
 * File names for exported PDFs: the entry's (or notebook's) title, made safe
 * on every desktop file system, and made unique within a folder or a job.
 */

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM = 120;

/** "IC50 of cisplatin: run 2" -> "IC50 of cisplatin - run 2.pdf". */
export function pdfFileName(title: string): string {
  let stem = title
    .replace(/\s*:\s*/g, ' - ')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // A trailing dot or space is dropped by Windows, leaving a different name.
    .replace(/[. ]+$/, '');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).trim();
  if (stem === '' || RESERVED.test(stem)) stem = `entry${stem ? ` ${stem}` : ''}`;
  return `${stem}.pdf`;
}

/** The nth variant of a name: "a.pdf", "a (2).pdf", "a (3).pdf", ... */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** The first variant of name not in taken (compared case-insensitively, as macOS and Windows do), which it then joins. */
export function claimUniqueName(name: string, taken: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const candidate = numberedName(name, n);
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}
