import type { IdentifierFieldDefinition } from './definition';

/**
 * Identifier schemes with first-class support (domain guide, "Identifiers
 * worth first-class support"): what a valid value looks like, and for CAS
 * numbers the check digit, so a typo in a registry number is caught at the
 * bench rather than in a reviewer's report.
 */

export type IdentifierScheme = IdentifierFieldDefinition['scheme'];

/** The built-in pattern of each scheme ('custom' has none: the field gives it). */
export const SCHEME_PATTERNS: Readonly<Record<Exclude<IdentifierScheme, 'custom'>, RegExp>> = {
  /** Cellosaurus accession: CVCL_ and four characters (NCI-H69 is CVCL_1579). */
  cellosaurus: /^CVCL_[A-Z0-9]{4}$/,
  /** Research Resource Identifier: RRID:<authority>_<local id> (RRID:CVCL_1579). */
  rrid: /^RRID:[A-Za-z]+_[A-Za-z0-9_:-]+$/,
  /** CAS Registry Number: 2-7 digits, 2 digits, check digit (cisplatin 15663-27-1). */
  cas: /^\d{2,7}-\d{2}-\d$/,
  /** Standard InChIKey: 14, 10 and 1 upper-case letters. */
  inchikey: /^[A-Z]{14}-[A-Z]{10}-[A-Z]$/,
  /** PubChem compound id: a positive integer (etoposide 36462). */
  pubchem_cid: /^[1-9]\d{0,11}$/,
};

/** What a valid value of the scheme looks like, for messages. */
export const SCHEME_EXAMPLES: Readonly<Record<Exclude<IdentifierScheme, 'custom'>, string>> = {
  cellosaurus: 'a Cellosaurus accession looks like CVCL_1579',
  rrid: 'an RRID looks like RRID:CVCL_1579',
  cas: 'a CAS number looks like 15663-27-1',
  inchikey: 'an InChIKey looks like LXZZYRPGZAFOLE-UHFFFAOYSA-L',
  pubchem_cid: 'a PubChem CID is a positive whole number such as 36462',
};

/**
 * True when the CAS number's last digit is its check digit: the other digits,
 * read from the right, weighted 1, 2, 3 ..., summed, modulo 10.
 */
export function casCheckDigitOk(cas: string): boolean {
  const digits = cas.replace(/-/g, '');
  if (!/^\d{5,10}$/.test(digits)) return false;
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += Number(body[body.length - 1 - i]) * (i + 1);
  return sum % 10 === Number(digits[digits.length - 1]);
}

/**
 * Checks a value against a built-in scheme; returns null when valid, or a
 * message. Custom schemes are checked by the caller with the field's pattern.
 */
export function checkSchemeValue(scheme: Exclude<IdentifierScheme, 'custom'>, value: string): string | null {
  if (!SCHEME_PATTERNS[scheme].test(value)) return `'${value}' is not valid: ${SCHEME_EXAMPLES[scheme]}.`;
  if (scheme === 'cas' && !casCheckDigitOk(value)) {
    return `'${value}' fails the CAS check digit; check the number for a typo.`;
  }
  return null;
}
