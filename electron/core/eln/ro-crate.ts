/**
 * The parts of RO-Crate 1.1 and the ELN Consortium's .eln specification
 * (TheELNConsortium/TheELNFileFormat, SPECIFICATION.md) that Persist writes
 * and reads: a zip with one root folder holding ro-crate-metadata.json,
 * whose @graph has the metadata descriptor, the root Dataset ('./'), one
 * Dataset per entry and File, Person and PropertyValue nodes.
 */
export const METADATA_FILE = 'ro-crate-metadata.json';
export const RO_CRATE_CONTEXT = 'https://w3id.org/ro/crate/1.1/context';
export const RO_CRATE_CONFORMS_TO = 'https://w3id.org/ro/crate/1.1';

export type Ref = { '@id': string };

export interface CrateNode {
  '@id': string;
  '@type': string | string[];
  [key: string]: unknown;
}

export interface Crate {
  '@context': string | unknown[];
  '@graph': CrateNode[];
}

export const ref = (id: string): Ref => ({ '@id': id });

export function hasType(node: CrateNode | undefined, type: string): boolean {
  if (!node) return false;
  const t = node['@type'];
  return Array.isArray(t) ? t.includes(type) : t === type;
}

/** The @ids a property refers to, whether it holds one reference or a list. */
export function refsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((v) =>
    typeof v === 'object' && v !== null && typeof (v as Ref)['@id'] === 'string' ? [(v as Ref)['@id']] : [],
  );
}
