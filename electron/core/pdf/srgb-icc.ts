/**
 * A minimal sRGB ICC profile (version 2.1, display class, RGB to XYZ),
 * generated from the published sRGB parameters (IEC 61966-2-1) rather than
 * shipped as a file: PDF/A needs an output intent with an ICC profile, and no
 * maintained npm package ships a freely licensed sRGB profile.
 *
 * Contents: the D50 white point, the sRGB primaries adapted to D50 with the
 * Bradford transform (the values the ICC publishes for sRGB), and one
 * 1024-entry tone curve of the sRGB transfer function shared by the three
 * channels. Layout per ICC.1:2001-04: a 128-byte header, a tag table, then
 * 4-byte aligned tag data.
 */

/** D50, the ICC's profile connection space illuminant. */
const D50 = [0.9642, 1.0, 0.8249] as const;

/** sRGB primaries, Bradford-adapted to D50: red, green and blue columns of the RGB→XYZ matrix. */
export const SRGB_D50_COLORANTS = {
  red: [0.4360747, 0.2225045, 0.0139322],
  green: [0.3850649, 0.7168786, 0.0971045],
  blue: [0.1430804, 0.0606169, 0.7141733],
} as const;

const CURVE_POINTS = 1024;

/** The sRGB transfer function (encoded value → linear light), both in [0, 1]. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

class Writer {
  private readonly bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
  s15f16(v: number): this {
    return this.u32(Math.round(v * 65536) >>> 0);
  }
  ascii(text: string): this {
    for (const c of text) this.u8(c.charCodeAt(0));
    return this;
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i += 1) this.u8(0);
    return this;
  }
  align4(): this {
    while (this.bytes.length % 4 !== 0) this.u8(0);
    return this;
  }
  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function xyzTag(xyz: readonly number[]): Uint8Array {
  const w = new Writer().ascii('XYZ ').zeros(4);
  for (const v of xyz) w.s15f16(v);
  return w.toBytes();
}

/** textDescriptionType: an ASCII description plus empty Unicode and ScriptCode parts. */
function descTag(text: string): Uint8Array {
  return new Writer()
    .ascii('desc')
    .zeros(4)
    .u32(text.length + 1)
    .ascii(text)
    .u8(0)
    .u32(0)
    .u32(0)
    .u16(0)
    .u8(0)
    .zeros(67)
    .toBytes();
}

function textTag(text: string): Uint8Array {
  return new Writer().ascii('text').zeros(4).ascii(text).u8(0).toBytes();
}

function curveTag(): Uint8Array {
  const w = new Writer().ascii('curv').zeros(4).u32(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i += 1) w.u16(Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535));
  return w.toBytes();
}

export const SRGB_PROFILE_DESCRIPTION = 'sRGB IEC61966-2.1';

/** The profile's bytes; the same every time (its date is fixed), so PDFs stay reproducible. */
export function srgbIccProfile(): Uint8Array {
  const curve = curveTag();
  // Tag signature and data; the three tone curves share one copy of the data.
  const tags: Array<[string, Uint8Array]> = [
    ['desc', descTag(SRGB_PROFILE_DESCRIPTION)],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(D50)],
    ['rXYZ', xyzTag(SRGB_D50_COLORANTS.red)],
    ['gXYZ', xyzTag(SRGB_D50_COLORANTS.green)],
    ['bXYZ', xyzTag(SRGB_D50_COLORANTS.blue)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableEnd = 128 + 4 + tags.length * 12;
  const placed = new Map<Uint8Array, number>();
  const data = new Writer();
  const entries: Array<{ sig: string; offset: number; size: number }> = [];
  for (const [sig, bytes] of tags) {
    let offset = placed.get(bytes);
    if (offset === undefined) {
      offset = tableEnd + data.length;
      placed.set(bytes, offset);
      for (const b of bytes) data.u8(b);
      data.align4();
    }
    entries.push({ sig, offset, size: bytes.length });
  }
  const size = tableEnd + data.length;
  const out = new Writer()
    .u32(size)
    .zeros(4) // preferred CMM: none
    .u32(0x02100000) // version 2.1
    .ascii('mntr')
    .ascii('RGB ')
    .ascii('XYZ ')
    .u16(2026)
    .u16(1)
    .u16(1)
    .u16(0)
    .u16(0)
    .u16(0)
    .ascii('acsp')
    .zeros(4) // primary platform
    .u32(0) // flags
    .zeros(4) // manufacturer
    .zeros(4) // model
    .zeros(8) // attributes
    .u32(0); // rendering intent: perceptual
  for (const v of D50) out.s15f16(v);
  out.zeros(4).zeros(16).zeros(28); // creator, profile id (v4 only), reserved
  out.u32(entries.length);
  for (const e of entries) out.ascii(e.sig).u32(e.offset).u32(e.size);
  const head = out.toBytes();
  const body = data.toBytes();
  const profile = new Uint8Array(size);
  profile.set(head, 0);
  profile.set(body, head.length);
  return profile;
}
