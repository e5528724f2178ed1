/**
 * Option lists shared by several built-in templates, so that a subtype or a
 * sort recorded on a model and on a harvest use the same values (and the
 * index can match them).
 */

type Options = { value: string; label?: string }[];

/** Transcriptional subtypes of small-cell lung cancer (ASCL1, NEUROD1, POU2F3, inflamed). */
export const SCLC_SUBTYPES: Options = [
  { value: 'SCLC-A', label: 'SCLC-A (ASCL1)' },
  { value: 'SCLC-N', label: 'SCLC-N (NEUROD1)' },
  { value: 'SCLC-P', label: 'SCLC-P (POU2F3)' },
  { value: 'SCLC-I', label: 'SCLC-I (inflamed)' },
  { value: 'mixed', label: 'mixed' },
  { value: 'unknown', label: 'unknown' },
];

/** Separating human tumour cells from mouse stroma in PDX/CDX material. */
export const HUMAN_MOUSE_SORT: Options = [
  { value: 'none', label: 'none' },
  { value: 'mouse-depletion', label: 'mouse cell depletion (beads)' },
  { value: 'human-sort', label: 'human cell sort (FACS)' },
];

/** Immunodeficient host strains for PDX/CDX work. */
export const HOST_STRAINS: Options = [
  { value: 'NSG', label: 'NSG (NOD scid gamma)' },
  { value: 'NOD-SCID', label: 'NOD-SCID' },
  { value: 'nude', label: 'athymic nude' },
  { value: 'NRG', label: 'NRG' },
  { value: 'other', label: 'other' },
];

/** Solvents of drug stocks; the platinum rule looks for "DMSO". */
export const SOLVENTS: Options = [
  { value: 'DMSO', label: 'DMSO' },
  { value: 'saline', label: '0.9 % NaCl (saline)' },
  { value: 'water', label: 'water' },
  { value: 'PBS', label: 'PBS' },
  { value: 'ethanol', label: 'ethanol' },
  { value: 'medium', label: 'culture medium' },
  { value: 'other', label: 'other' },
];

/** A platinum drug: by name (cisplatin, carboplatin, oxaliplatin, Platinol...) or by class. */
export const PLATINUM_BY_NAME = 'platin';
