import { z } from 'zod';

/** Lone UTF-16 surrogates would be stored as U+FFFD by SQLite but kept in the hashed record. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const WELL_FORMED = 'must be well-formed Unicode text';

/** Reusable input fields: every string is bounded and trimmed where it names something. */
export const idField = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a Persist ID (26-character ULID)');

export const nameField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
  .refine(wellFormed, WELL_FORMED);

export const titleField = z
  .string()
  .trim()
  .max(300, 'must be at most 300 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
  .refine(wellFormed, WELL_FORMED);

export const tagField = z
  .string()
  .trim()
  .min(1, 'tags must not be empty')
  .max(64, 'tags must be at most 64 characters')
  .refine((s) => !/[,\u0000-\u001f\u007f]/.test(s), 'tags must not contain commas or control characters')
  .refine(wellFormed, WELL_FORMED);

export const tagsField = z.array(tagField).max(50, 'at most 50 tags');
