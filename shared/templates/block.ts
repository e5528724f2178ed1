import { z } from 'zod';
import { TEMPLATE_ID } from './definition';

/**
 * A protocol block as it is stored inside an entry's Lexical JSON: a node of
 * type "protocol-block". The shape is declared here, not in the renderer, so
 * the core can validate, index, export and print blocks without Lexical.
 *
 * Values are kept as typed, valid or not: a number that does not parse is
 * stored as { raw } and reported as a blocking problem, never dropped. So no
 * keystroke can lose what the scientist wrote.
 */

export const PROTOCOL_BLOCK_TYPE = 'protocol-block';
export const PROTOCOL_BLOCK_VERSION = 1;

/** A number with its unit, as stored. */
export const NUMBER_VALUE = z.strictObject({ value: z.number(), unit: z.string().min(1).max(40) });
/** What was typed when it does not (yet) parse; kept so nothing is lost. */
export const RAW_VALUE = z.strictObject({ raw: z.string().max(1000) });

export const LINK_VALUE = z.strictObject({
  entryId: z.string().max(64),
  blockId: z.string().max(64).optional(),
  /** What the link shows: the target's title or model id at the time it was made. */
  label: z.string().max(300),
  templateId: z.string().max(64).optional(),
  /** Values copied from the linked block when the link was made (see LinkField.snapshot). */
  snapshot: z.record(z.string(), z.unknown()).optional(),
});

export const IMAGE_VALUE = z.strictObject({
  /** SHA-256 of the attachment bytes: attachments are content-addressed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().max(300),
  mime: z.string().max(100),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

export const WELL_ROLES = ['sample', 'vehicle', 'blank', 'kill', 'time0', 'empty'] as const;
export type WellRole = (typeof WELL_ROLES)[number];

export const WELL_VALUE = z.strictObject({
  role: z.enum(WELL_ROLES),
  /** Index into the dilution series (0 = top concentration). */
  dose: z.number().int().min(0).max(100).optional(),
  concentration: NUMBER_VALUE.optional(),
  /** A readout (luminescence, count) when results are entered on the map. */
  reading: z.number().optional(),
});

export const PLATEMAP_VALUE = z.strictObject({
  format: z.union([z.literal(96), z.literal(384)]),
  /** Well id ("A1", "P24") -> its assignment; absent wells are empty. */
  wells: z.record(z.string().regex(/^[A-P](?:[1-9]|1[0-9]|2[0-4])$/), WELL_VALUE),
  /** The dilution series the concentrations came from. */
  series: z
    .strictObject({ top: NUMBER_VALUE, factor: z.number().positive(), doses: z.number().int().min(1).max(24) })
    .optional(),
});

/** One table row: a stable row id (so edits and problems attach to the right row) and its cells. */
export const TABLE_ROW = z.looseObject({ rowId: z.string().min(1).max(64) });

export type NumberValue = z.infer<typeof NUMBER_VALUE>;
export type RawValue = z.infer<typeof RAW_VALUE>;
export type LinkValue = z.infer<typeof LINK_VALUE>;
export type ImageValue = z.infer<typeof IMAGE_VALUE>;
export type WellValue = z.infer<typeof WELL_VALUE>;
export type PlateMapValue = z.infer<typeof PLATEMAP_VALUE>;
export type TableRow = { rowId: string } & Record<string, unknown>;

/**
 * A field's stored value, by field type:
 * text, longtext, enum, date, datetime, identifier: string;
 * multienum: string[]; boolean: boolean; number: NumberValue | RawValue;
 * integer: number | RawValue; link: LinkValue (LinkValue[] when multiple);
 * image: ImageValue; platemap: PlateMapValue; table: TableRow[];
 * computed: never stored (always recomputed).
 * Values are checked against their field by evaluateBlock, not here: a block
 * with a wrong value still loads, shows the problem and keeps the value.
 */
export type FieldValue = unknown;
export type BlockValues = Record<string, FieldValue>;

export const PROTOCOL_BLOCK = z.looseObject({
  type: z.literal(PROTOCOL_BLOCK_TYPE),
  version: z.number().int(),
  blockId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'blockId must be a ULID'),
  templateId: TEMPLATE_ID,
  templateVersion: z.number().int().min(1),
  values: z.record(z.string().max(48), z.unknown()),
  /** Shown folded in the editor. */
  collapsed: z.boolean().optional(),
});

export type SerializedProtocolBlock = z.infer<typeof PROTOCOL_BLOCK>;
