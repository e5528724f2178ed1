import { describe, expect, it } from 'vitest';
import { SRGB_D50_COLORANTS, srgbIccProfile, srgbToLinear } from '../../electron/core/pdf/srgb-icc';
import { xmpPacket } from '../../electron/core/pdf/xmp';

/** Reads an ICC profile's header and tag table the way a colour-management module does. */
function readProfile(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, n = 4) => String.fromCharCode(...bytes.subarray(at, at + n));
  const s15 = (at: number) => view.getInt32(at) / 65536;
  const tags = new Map<string, { offset: number; size: number }>();
  const count = view.getUint32(128);
  for (let i = 0; i < count; i += 1) {
    const at = 132 + i * 12;
    tags.set(ascii(at), { offset: view.getUint32(at + 4), size: view.getUint32(at + 8) });
  }
  const xyz = (sig: string) => {
    const tag = tags.get(sig) as { offset: number };
    expect(ascii(tag.offset)).toBe('XYZ ');
    return [s15(tag.offset + 8), s15(tag.offset + 12), s15(tag.offset + 16)];
  };
  return { view, ascii, tags, xyz, size: view.getUint32(0) };
}

describe('the generated sRGB ICC profile (PDF/A output intent)', () => {
  const bytes = srgbIccProfile();
  const p = readProfile(bytes);

  it('has a valid v2 display-profile header', () => {
    expect(p.size).toBe(bytes.length);
    expect(p.view.getUint32(8)).toBe(0x02100000);
    expect(p.ascii(12)).toBe('mntr');
    expect(p.ascii(16)).toBe('RGB ');
    expect(p.ascii(20)).toBe('XYZ ');
    expect(p.ascii(36)).toBe('acsp');
  });

  it('has every tag a matrix/TRC RGB profile needs, inside the file and 4-byte aligned', () => {
    for (const sig of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC']) {
      const tag = p.tags.get(sig);
      expect(tag, sig).toBeDefined();
      expect(tag!.offset % 4).toBe(0);
      expect(tag!.offset + tag!.size).toBeLessThanOrEqual(bytes.length);
    }
  });

  it('maps RGB white to the D50 white point and uses the sRGB primaries', () => {
    const [r, g, b] = [p.xyz('rXYZ'), p.xyz('gXYZ'), p.xyz('bXYZ')];
    const white = [0, 1, 2].map((i) => (r[i] as number) + (g[i] as number) + (b[i] as number));
    expect(white[0]).toBeCloseTo(0.9642, 3);
    expect(white[1]).toBeCloseTo(1.0, 3);
    expect(white[2]).toBeCloseTo(0.8249, 2);
    expect(r[0]).toBeCloseTo(SRGB_D50_COLORANTS.red[0], 4);
    expect(p.xyz('wtpt')[0]).toBeCloseTo(0.9642, 4);
  });

  it('has the sRGB tone curve: mid grey 0.5 encodes 21.4 % linear light', () => {
    const trc = p.tags.get('rTRC') as { offset: number };
    expect(p.ascii(trc.offset)).toBe('curv');
    const points = p.view.getUint32(trc.offset + 8);
    const at = (v: number) => p.view.getUint16(trc.offset + 12 + Math.round(v * (points - 1)) * 2) / 65535;
    expect(at(0)).toBe(0);
    expect(at(1)).toBe(1);
    expect(at(0.5)).toBeCloseTo(0.214, 2);
    expect(srgbToLinear(0.04045)).toBeCloseTo(0.04045 / 12.92, 6);
  });
});

describe('XMP packet', () => {
  it('identifies PDF/A-3B and escapes what it quotes', () => {
    const xmp = xmpPacket({
      title: 'IC50 <cisplatin> & "etoposide"',
      authors: ['ana', 'ben'],
      description: 'd',
      keywords: 'k',
      creatorTool: 'Persist',
      producer: 'Persist',
      created: '2026-11-26T18:09:48.123Z',
      modified: '2026-11-26T18:09:48.123Z',
      documentId: 'uuid:1',
      instanceId: 'uuid:2',
    });
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('IC50 &#60;cisplatin&#62; &#38; &#34;etoposide&#34;');
    expect(xmp).toContain('<rdf:li>ana</rdf:li><rdf:li>ben</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-26T18:09:48Z</xmp:CreateDate>');
  });
});
