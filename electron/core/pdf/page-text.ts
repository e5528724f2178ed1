import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';

/**
 * The text shown on a page, read back through each font's ToUnicode map:
 * enough for pdf-verify to find the footer Chromium printed ("rev 3 · SHA-256
 * 6383…") without an external tool. It reads what Chromium writes (Tf, Tj,
 * TJ, ', " and Form XObjects); it is not a general PDF text extractor, and
 * it ignores positions: runs are joined in content order.
 */

type Token =
  | { kind: 'op'; value: string }
  | { kind: 'string'; bytes: number[] }
  | { kind: 'name'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'other' };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function* tokens(data: Uint8Array): Generator<Token> {
  let i = 0;
  const n = data.length;
  while (i < n) {
    const c = data[i] as number;
    if (WHITESPACE.has(c)) {
      i += 1;
    } else if (c === 0x25) {
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i += 1; // comment
    } else if (c === 0x28) {
      // Literal string with nesting and escapes.
      const bytes: number[] = [];
      let depth = 1;
      i += 1;
      while (i < n && depth > 0) {
        const b = data[i] as number;
        if (b === 0x5c) {
          const e = data[i + 1] as number;
          const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
          if (e >= 0x30 && e <= 0x37) {
            let octal = '';
            let j = i + 1;
            while (j < n && octal.length < 3 && (data[j] as number) >= 0x30 && (data[j] as number) <= 0x37) {
              octal += String.fromCharCode(data[j] as number);
              j += 1;
            }
            bytes.push(parseInt(octal, 8) & 0xff);
            i = j;
            continue;
          }
          if (e === 0x0a || e === 0x0d) {
            i += 2;
            continue;
          }
          bytes.push(simple[e] ?? e);
          i += 2;
          continue;
        }
        if (b === 0x28) depth += 1;
        if (b === 0x29) depth -= 1;
        if (depth > 0) bytes.push(b);
        i += 1;
      }
      yield { kind: 'string', bytes };
    } else if (c === 0x3c && data[i + 1] === 0x3c) {
      i += 2;
      yield { kind: 'other' };
    } else if (c === 0x3e && data[i + 1] === 0x3e) {
      i += 2;
      yield { kind: 'other' };
    } else if (c === 0x3c) {
      let hex = '';
      i += 1;
      while (i < n && data[i] !== 0x3e) {
        const h = String.fromCharCode(data[i] as number);
        if (/[0-9a-fA-F]/.test(h)) hex += h;
        i += 1;
      }
      i += 1;
      if (hex.length % 2 === 1) hex += '0';
      const bytes: number[] = [];
      for (let k = 0; k < hex.length; k += 2) bytes.push(parseInt(hex.slice(k, k + 2), 16));
      yield { kind: 'string', bytes };
    } else if (c === 0x5b) {
      i += 1;
      yield { kind: 'open' };
    } else if (c === 0x5d) {
      i += 1;
      yield { kind: 'close' };
    } else if (c === 0x2f) {
      let name = '';
      i += 1;
      while (i < n && !WHITESPACE.has(data[i] as number) && !DELIMITERS.has(data[i] as number)) {
        name += String.fromCharCode(data[i] as number);
        i += 1;
      }
      yield { kind: 'name', value: name };
    } else {
      let word = '';
      while (i < n && !WHITESPACE.has(data[i] as number) && !DELIMITERS.has(data[i] as number)) {
        word += String.fromCharCode(data[i] as number);
        i += 1;
      }
      if (word === '') {
        i += 1;
        yield { kind: 'other' };
      } else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) yield { kind: 'number', value: Number(word) };
      else yield { kind: 'op', value: word };
    }
  }
}

/** A font's code → text map from its ToUnicode CMap, and how many bytes a code has. */
interface FontMap {
  codeBytes: number;
  map: Map<number, string>;
}

function utf16Hex(hex: string): string {
  const units: number[] = [];
  for (let k = 0; k + 4 <= hex.length; k += 4) units.push(parseInt(hex.slice(k, k + 4), 16));
  return String.fromCharCode(...units);
}

function parseCMap(text: string): FontMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const codeBytes = space ? Math.max(1, (space[1] ?? '').length / 2) : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      map.set(parseInt(m[1] ?? '0', 16), utf16Hex(m[2] ?? ''));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1] ?? '';
    for (const m of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      if (m[4] !== undefined) {
        const start = m[4];
        const base = parseInt(start.slice(-4), 16);
        const prefix = utf16Hex(start.slice(0, -4));
        for (let code = lo; code <= hi && code - lo < 65536; code += 1) {
          map.set(code, prefix + String.fromCharCode(base + code - lo));
        }
      } else {
        const list = [...(m[5] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16Hex(x[1] ?? ''));
        list.forEach((value, k) => map.set(lo + k, value));
      }
    }
  }
  return { codeBytes, map };
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

function fontMaps(doc: PDFDocument, resources: PDFDict | undefined): Map<string, FontMap> {
  const out = new Map<string, FontMap>();
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) return out;
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    const toUnicode = font.lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
    if (!toUnicode) continue;
    out.set(name.decodeText(), parseCMap(Buffer.from(streamBytes(toUnicode)).toString('latin1')));
  }
  return out;
}

function decodeShown(bytes: number[], font: FontMap | undefined): string {
  if (!font) return '';
  let text = '';
  for (let k = 0; k + font.codeBytes <= bytes.length; k += font.codeBytes) {
    let code = 0;
    for (let b = 0; b < font.codeBytes; b += 1) code = (code << 8) | (bytes[k + b] as number);
    text += font.map.get(code) ?? '';
  }
  return text;
}

function contentText(doc: PDFDocument, data: Uint8Array, resources: PDFDict | undefined, depth: number): string {
  const fonts = fontMaps(doc, resources);
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  let font: FontMap | undefined;
  let out = '';
  const operands: Token[] = [];
  let array: Token[] | null = null;
  for (const token of tokens(data)) {
    if (token.kind === 'open') {
      array = [];
      continue;
    }
    if (token.kind === 'close') {
      operands.push({ kind: 'other' });
      if (array) for (const t of array) if (t.kind === 'string') out += decodeShown(t.bytes, font);
      array = null;
      continue;
    }
    if (array) {
      array.push(token);
      continue;
    }
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    const last = operands[operands.length - 1];
    switch (token.value) {
      case 'Tf': {
        const name = operands[operands.length - 2];
        font = name?.kind === 'name' ? fonts.get(name.value) : undefined;
        break;
      }
      case 'Tj':
      case "'":
      case '"':
        if (last?.kind === 'string') out += decodeShown(last.bytes, font);
        break;
      case 'Do': {
        const name = last?.kind === 'name' ? last.value : '';
        const form = name && depth < 8 ? xobjects?.lookupMaybe(PDFName.of(name), PDFStream) : undefined;
        if (form && form.dict.get(PDFName.of('Subtype'))?.toString() === '/Form') {
          const formResources = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
          out += contentText(doc, streamBytes(form), formResources, depth + 1);
        }
        break;
      }
      default:
        break;
    }
    operands.length = 0;
  }
  return out;
}

/** The text of one page, in content order, without positions. */
export function pageText(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.get(PDFName.of('Contents'));
  const streams: PDFStream[] = [];
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (resolved instanceof PDFStream) streams.push(resolved);
  else if (resolved instanceof PDFArray) {
    for (let i = 0; i < resolved.size(); i += 1) {
      const s = resolved.lookup(i);
      if (s instanceof PDFStream) streams.push(s);
    }
  }
  const parts = streams.map((s) => streamBytes(s));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    data[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return contentText(doc, data, page.node.Resources(), 0);
}
