import crypto from 'node:crypto';
import { looksLikeHtml, htmlToText } from './html-text';
import { METADATA_FILE, hasType, refsOf, type Crate, type CrateNode } from './ro-crate';
import { badArchive, type Archive } from './read-archive';

/** What one Dataset of a foreign .eln becomes in Persist. */
export interface MappedEntry {
  sourceId: string;
  identifier: string | null;
  title: string;
  text: string;
  tags: string[];
  author: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  fields: Array<{ propertyId: string; name: string | null; value: string; unit: string | null }>;
  files: Array<{
    path: string;
    name: string;
    encodingFormat: string | null;
    bytes: Buffer;
    sha256: string;
    checked: boolean;
  }>;
  comments: Array<{ author: string | null; date: string | null; text: string }>;
}

export interface Skipped {
  id: string;
  reason: string;
}

export interface CratePlan {
  /** The exporting system (the descriptor's sdPublisher), e.g. "eLabFTW". */
  publisher: string;
  /** The root Dataset's name. */
  name: string;
  entries: MappedEntry[];
  skipped: Skipped[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Parses ro-crate-metadata.json, refusing what is not a crate: bad JSON, no @graph, duplicate @ids. */
export function parseCrate(archive: Archive): Map<string, CrateNode> {
  const bytes = archive.files.get(METADATA_FILE);
  if (!bytes) throw badArchive(`it has no ${archive.root}/${METADATA_FILE}`);
  let crate: Crate;
  try {
    crate = JSON.parse(bytes.toString('utf8')) as Crate;
  } catch (error) {
    throw badArchive(`${METADATA_FILE} is not valid JSON (${(error as Error).message})`);
  }
  if (
    typeof crate !== 'object' ||
    crate === null ||
    !Array.isArray(crate['@graph']) ||
    crate['@context'] === undefined
  ) {
    throw badArchive(`${METADATA_FILE} has no @context or no @graph list`);
  }
  const nodes = new Map<string, CrateNode>();
  for (const node of crate['@graph']) {
    if (typeof node !== 'object' || node === null || typeof node['@id'] !== 'string' || node['@type'] === undefined) {
      throw badArchive(`${METADATA_FILE} has a node without @id or @type`);
    }
    if (nodes.has(node['@id'])) throw badArchive(`${METADATA_FILE} uses the @id ${JSON.stringify(node['@id'])} twice`);
    nodes.set(node['@id'], node);
  }
  return nodes;
}

function personName(node: CrateNode | undefined): string | null {
  if (!node) return null;
  return str(node.name) ?? ([str(node.givenName), str(node.familyName)].filter(Boolean).join(' ') || null);
}

/** A crate path ('./a b/c.png' or './a%20b/c.png') as a path in the archive, if it is there. */
function archivePathOf(id: string, archive: Archive): string | null {
  const plain = id.replace(/^\.\//, '').split('/').filter(Boolean).join('/');
  if (archive.files.has(plain)) return plain;
  try {
    const decoded = decodeURIComponent(plain);
    if (archive.files.has(decoded)) return decoded;
  } catch {
    // not URI-encoded
  }
  return null;
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Maps a parsed crate onto Persist entries: each Dataset the root lists
 * becomes an entry with its name, text (or description), keywords (a string
 * or a list), author, dates, PropertyValues as fields with units, comments,
 * and the Files reachable through hasPart (nested Datasets included),
 * each checked against its sha256. What cannot be mapped is listed.
 */
export function mapCrate(nodes: Map<string, CrateNode>, archive: Archive): CratePlan {
  const descriptor = nodes.get(METADATA_FILE);
  const rootId = refsOf(descriptor?.about)[0] ?? './';
  const root = nodes.get(rootId);
  if (!root || !hasType(root, 'Dataset')) throw badArchive(`${METADATA_FILE} has no root Dataset (${rootId})`);
  const publisherRef = refsOf(descriptor?.sdPublisher)[0];
  const publisher = str(nodes.get(publisherRef ?? '')?.name) ?? publisherRef?.replace(/^#/, '') ?? 'unknown notebook';
  const plan: CratePlan = { publisher, name: str(root.name) ?? archive.root, entries: [], skipped: [] };
  const topLevel = new Set(refsOf(root.hasPart));

  for (const id of topLevel) {
    const node = nodes.get(id);
    if (!node) {
      plan.skipped.push({ id, reason: 'listed in the root but not described in the metadata' });
      continue;
    }
    if (!hasType(node, 'Dataset')) {
      plan.skipped.push({ id, reason: `a ${String(node['@type'])} at the top of the crate, not an entry` });
      continue;
    }
    plan.entries.push(mapDataset(node, nodes, archive, topLevel, plan.skipped));
  }
  return plan;
}

function mapDataset(
  node: CrateNode,
  nodes: Map<string, CrateNode>,
  archive: Archive,
  topLevel: Set<string>,
  skipped: Skipped[],
): MappedEntry {
  const id = node['@id'];
  const description = str(node.description) ?? str(nodes.get(refsOf(node.description)[0] ?? '')?.text);
  const rawText = str(node.text) ?? description ?? '';
  const keywords = Array.isArray(node.keywords)
    ? node.keywords.filter((k): k is string => typeof k === 'string')
    : (str(node.keywords)?.split(',') ?? []);
  const fallbackTitle = decodeURIComponent(id.replace(/^\.\//, '').replace(/\/$/, '')) || id;
  const entry: MappedEntry = {
    sourceId: id,
    identifier: str(node.identifier),
    title: (str(node.name) ?? fallbackTitle).slice(0, 500),
    text: looksLikeHtml(rawText) ? htmlToText(rawText) : rawText,
    tags: [...new Set(keywords.map((k) => k.trim()).filter(Boolean))],
    author: personName(nodes.get(refsOf(node.author)[0] ?? '')),
    dateCreated: str(node.dateCreated),
    dateModified: str(node.dateModified),
    fields: [],
    files: [],
    comments: [],
  };
  for (const pvId of refsOf(node.variableMeasured)) {
    const pv = nodes.get(pvId);
    if (!pv || !hasType(pv, 'PropertyValue')) {
      skipped.push({ id: pvId, reason: `a field of ${id} that is not a PropertyValue in the metadata` });
      continue;
    }
    entry.fields.push({
      propertyId: str(pv.propertyID) ?? str(pv.name) ?? pvId,
      name: str(pv.name),
      value: valueText(pv.value),
      unit: str(pv.unitText),
    });
  }
  for (const commentId of refsOf(node.comment)) {
    const comment = nodes.get(commentId);
    const text = str(comment?.text);
    if (!comment || !text) continue;
    entry.comments.push({
      author: personName(nodes.get(refsOf(comment.author)[0] ?? '')),
      date: str(comment.dateCreated),
      text: looksLikeHtml(text) ? htmlToText(text) : text,
    });
  }
  // Files reachable through hasPart, nested Datasets (versions, subfolders) included.
  const seen = new Set<string>([id]);
  const queue = refsOf(node.hasPart);
  while (queue.length > 0) {
    const partId = queue.shift()!;
    if (seen.has(partId) || topLevel.has(partId)) continue;
    seen.add(partId);
    const part = nodes.get(partId);
    if (part && hasType(part, 'Dataset')) {
      queue.push(...refsOf(part.hasPart));
      continue;
    }
    const path = archivePathOf(partId, archive);
    if (!path) {
      skipped.push({ id: partId, reason: `a part of ${id} that is not in the archive` });
      continue;
    }
    const bytes = archive.files.get(path)!;
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const declared = str(part?.sha256)?.toLowerCase() ?? null;
    if (declared !== null && declared !== sha256) {
      skipped.push({
        id: partId,
        reason: `its SHA-256 is ${sha256}, the metadata says ${declared}: damaged, not imported`,
      });
      continue;
    }
    entry.files.push({
      path,
      name: str(part?.name) ?? path.slice(path.lastIndexOf('/') + 1),
      encodingFormat: str(part?.encodingFormat),
      bytes,
      sha256,
      checked: declared !== null,
    });
  }
  return entry;
}
