/**
 * The print's fonts, shipped with the app from npm font packages, so a PDF
 * looks the same on every machine and never depends on the fonts installed
 * there: Noto Sans (Latin, Greek, Cyrillic, Vietnamese subsets, regular and
 * bold, upright and italic), Noto Sans Mono for code and hashes (regular and bold: a synthetic bold would be drawn as a Type 3 font), and Noto Sans Math for
 * operators and arrows (≥, ±, →, ∑), which Noto Sans' web subsets leave out.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/400-italic.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans/700-italic.css';
import '@fontsource/noto-sans-mono/400.css';
import '@fontsource/noto-sans-mono/700.css';
import mathFontUrl from '@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff2?url';

/** Code points taken from the math font: arrows, operators, technical and geometric shapes, math letters. */
const MATH_RANGES = 'U+00D7,U+00F7,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF,U+27C0-27EF,U+2980-2AFF';

/**
 * Registers the math font under its own family name (the package's CSS only
 * maps Latin to it) and loads it now: it is small to wait for and a print
 * cannot lazily fetch a font after the fact.
 */
export async function loadMathFont(): Promise<void> {
  const face = new FontFace('Persist Math', `url(${mathFontUrl}) format('woff2')`, { unicodeRange: MATH_RANGES });
  document.fonts.add(face);
  await face.load();
}
