import type { FieldDefinition } from '../../../shared/templates/definition';

type IdentifierField = Extract<FieldDefinition, { type: 'identifier' }>;

const HINTS: Record<IdentifierField['scheme'], { hint: string; example: string }> = {
  cellosaurus: { hint: 'Cellosaurus accession: CVCL_ and 4 letters or digits', example: 'CVCL_0A12' },
  rrid: { hint: 'Research Resource Identifier: RRID:CVCL_ and 4 letters or digits', example: 'RRID:CVCL_0A12' },
  cas: { hint: 'CAS number: digits-digits-check digit', example: '15663-27-1' },
  inchikey: {
    hint: 'InChIKey: 14 letters, 10 letters, 1 letter, separated by hyphens',
    example: 'LXZZYRPGZAFOLE-UHFFFAOYSA-L',
  },
  pubchem_cid: { hint: 'PubChem compound id: digits only', example: '5702198' },
  custom: { hint: '', example: '' },
};

/** What an identifier looks like, shown under its box and as its placeholder. */
export function identifierHint(field: IdentifierField): { hint: string; example: string } {
  const base = HINTS[field.scheme];
  if (field.scheme === 'custom') {
    // A pattern is for the engine; people read an example better than a regular expression.
    const hint = field.example ? `For example ${field.example}` : field.pattern ? `Format: ${field.pattern}` : '';
    return { hint, example: field.example ?? '' };
  }
  return { hint: base.hint, example: field.example ?? base.example };
}
