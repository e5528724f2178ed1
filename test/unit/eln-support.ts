/** Helpers for the .eln tests: archives made in memory, hostile ones included. */
import path from 'node:path';
import yazl from 'yazl';
import { REPO_ROOT } from '../support/child-cli';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/eln');
export const EXAMPLES = {
  elabftw: path.join(FIXTURES, 'elabftw--export.eln'),
  kadi4mat: path.join(FIXTURES, 'kadi4mat--records-example.eln'),
  rspace: path.join(FIXTURES, 'RSpace--RSpace-2023-12-08-14-44-xml-SELECTION-c0bEtpHcnNe-HA.eln'),
  sampledb: path.join(FIXTURES, 'SampleDB--sampledb_export.eln'),
};

/** A zip of these files, deflated, as bytes. */
export function makeZip(files: Array<[name: string, data: Buffer | string]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of files) zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * Renames a file inside finished zip bytes (local header and central
 * directory alike): how a hostile archive gets names that no well-behaved
 * zip writer will produce ('../x', '/etc/x'). Names must have equal length.
 */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = out.indexOf(needle);
  if (at < 0) throw new Error(`${from} is not in the zip`);
  while (at >= 0) {
    Buffer.from(to).copy(out, at);
    at = out.indexOf(needle, at + needle.length);
  }
  return out;
}

/** Makes every header of the zip claim `size` uncompressed bytes: sizes an attacker chooses. */
export function lieAboutSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50 && i + 26 <= out.length) out.writeUInt32LE(size, i + 22);
    else if (signature === 0x02014b50 && i + 28 <= out.length) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

/** A minimal valid crate around `graph`, with one root folder. */
export function crateJson(graph: unknown[]): string {
  return JSON.stringify({
    '@context': 'https://w3id.org/ro/crate/1.1/context',
    '@graph': [
      { '@id': 'ro-crate-metadata.json', '@type': 'CreativeWork', about: { '@id': './' } },
      { '@id': './', '@type': 'Dataset', name: 'test', hasPart: [{ '@id': './one/' }] },
      ...graph,
    ],
  });
}
