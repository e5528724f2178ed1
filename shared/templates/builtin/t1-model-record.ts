import type { TemplateDefinition } from '../definition';
import { HOST_STRAINS, HUMAN_MOUSE_SORT, SCLC_SUBTYPES } from './options';

/**
 * T1 Model record (domain guide, "Templates the notebook should ship"): one
 * model (cell line, PDX, CDX, derived line, organoid) with its identity,
 * culture, in vivo origin and authentication/QC. A positive mycoplasma test
 * blocks use; an old test (> 90 days) and a low STR match warn.
 */
export const MODEL_RECORD: TemplateDefinition = {
  id: 'model-record',
  version: 1,
  code: 'T1',
  name: 'Model record',
  description:
    'A cell line, PDX, CDX, derived line or organoid: identity (Cellosaurus, RRID), origin, culture and authentication (STR, mycoplasma, ICLAC).',
  category: 'model',
  label: '{{model_id}}',
  groups: [
    {
      id: 'identity',
      label: 'Model',
      fields: [
        {
          id: 'model_id',
          type: 'identifier',
          label: 'Model ID',
          scheme: 'custom',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$',
          example: 'NCI-H69',
          help: 'The id used on tubes and in the lab (NCI-H69, MDA-SC68, CDX-DEMO-01). Unique among model records.',
          required: true,
          unique: true,
        },
        {
          id: 'model_type',
          type: 'enum',
          label: 'Model type',
          options: [
            { value: 'cell-line', label: 'cell line' },
            { value: 'pdx', label: 'PDX' },
            { value: 'cdx', label: 'CDX' },
            { value: 'derived-line', label: 'derived line' },
            { value: 'organoid', label: 'organoid' },
          ],
        },
        { id: 'name', type: 'text', label: 'Name', maxLength: 200, placeholder: 'NCI-H69 (H69)' },
        {
          id: 'cellosaurus',
          type: 'identifier',
          label: 'Cellosaurus accession',
          scheme: 'cellosaurus',
          example: 'CVCL_1579',
        },
        {
          id: 'rrid',
          type: 'computed',
          label: 'RRID',
          fn: 'rrid',
          inputs: { accession: 'cellosaurus' },
          help: 'RRID: followed by the Cellosaurus accession.',
        },
        {
          id: 'parent_model',
          type: 'link',
          label: 'Parent model',
          help: 'The model this one was derived from (a CDX-derived line from its CDX).',
          target: { kind: 'block', templateIds: ['model-record'] },
          snapshot: ['model_id', 'model_type'],
          lineage: true,
        },
        { id: 'primary_site', type: 'text', label: 'Primary site', maxLength: 200, placeholder: 'lung' },
        {
          id: 'histology',
          type: 'enum',
          label: 'Histology',
          options: [
            { value: 'SCLC', label: 'small-cell lung cancer (SCLC)' },
            { value: 'LCNEC', label: 'large-cell neuroendocrine carcinoma (LCNEC)' },
            { value: 'EP-NEC', label: 'extrapulmonary NEC' },
            { value: 'other', label: 'other' },
          ],
        },
        {
          id: 'derivation',
          type: 'enum',
          label: 'Derivation timepoint',
          options: [
            { value: 'naive', label: 'treatment-naive' },
            { value: 'on-platinum', label: 'on platinum' },
            { value: 'relapsed', label: 'relapsed' },
          ],
        },
        { id: 'subtype', type: 'enum', label: 'Subtype', options: SCLC_SUBTYPES },
      ],
    },
    {
      id: 'culture',
      label: 'Culture',
      fields: [
        {
          id: 'growth_mode',
          type: 'enum',
          label: 'Growth mode',
          options: [
            { value: 'suspension', label: 'suspension (floating aggregates)' },
            { value: 'adherent', label: 'adherent' },
            { value: 'mixed', label: 'mixed' },
            { value: 'organoid', label: 'organoid (matrix)' },
            { value: 'in-vivo', label: 'in vivo only' },
          ],
          help: 'Most SCLC lines grow as floating aggregates: count after gentle dissociation.',
        },
        { id: 'medium', type: 'text', label: 'Medium', maxLength: 200, placeholder: 'RPMI-1640 + 10 % FBS' },
        { id: 'passage', type: 'integer', label: 'Passage', min: 0, max: 200, suffix: 'passages' },
        {
          id: 'doubling_time',
          type: 'number',
          label: 'Doubling time',
          family: 'time',
          unit: 'h',
          min: 0,
        },
      ],
    },
    {
      id: 'in_vivo_origin',
      label: 'PDX / CDX origin',
      help: 'For models grown in or derived from mice.',
      fields: [
        { id: 'source_tumour', type: 'text', label: 'Source tumour', maxLength: 300 },
        { id: 'mouse_passage', type: 'integer', label: 'Mouse passage', min: 0, max: 100 },
        { id: 'host_strain', type: 'enum', label: 'Host strain', options: HOST_STRAINS },
        { id: 'human_mouse_sort', type: 'enum', label: 'Human/mouse sort', options: HUMAN_MOUSE_SORT },
      ],
    },
    {
      id: 'qc',
      label: 'Authentication and QC',
      fields: [
        {
          id: 'str_match',
          type: 'number',
          label: 'STR match',
          family: 'percent',
          unit: '%',
          min: 0,
          max: 100,
          warn: {
            min: 80,
            message: 'STR match below 80 %: 56-79 % needs more testing, 55 % or less means an unrelated line.',
          },
          help: '8 core loci + amelogenin; >= 80 % related.',
        },
        { id: 'str_date', type: 'date', label: 'STR date' },
        { id: 'myco_date', type: 'date', label: 'Mycoplasma test date', required: true },
        {
          id: 'myco_method',
          type: 'enum',
          label: 'Mycoplasma method',
          options: [
            { value: 'PCR', label: 'PCR' },
            { value: 'enzymatic', label: 'enzymatic (luminescence)' },
            { value: 'culture', label: 'culture' },
          ],
        },
        {
          id: 'myco_result',
          type: 'enum',
          label: 'Mycoplasma result',
          options: [
            { value: 'negative', label: 'negative' },
            { value: 'positive', label: 'positive' },
            { value: 'inconclusive', label: 'inconclusive' },
          ],
        },
        {
          id: 'days_since_myco',
          type: 'computed',
          label: 'Days since mycoplasma test',
          fn: 'daysSince',
          inputs: { date: 'myco_date' },
          unit: 'd',
          digits: 4,
          warn: { max: 90, message: 'The last mycoplasma test is more than 90 days old: test again before use.' },
        },
        {
          id: 'iclac',
          type: 'enum',
          label: 'ICLAC register',
          help: 'Checked against the ICLAC register of misidentified cell lines.',
          options: [
            { value: 'not-listed', label: 'not listed' },
            { value: 'listed', label: 'listed as misidentified' },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'mycoplasma_positive',
      severity: 'block',
      when: { ref: 'myco_result', op: 'eq', value: 'positive' },
      message: 'Mycoplasma positive: do not use this model until it has been treated and tests negative.',
      fields: ['myco_result'],
    },
    {
      id: 'iclac_listed',
      severity: 'warning',
      when: { ref: 'iclac', op: 'eq', value: 'listed' },
      message: 'This line is on the ICLAC register of misidentified cell lines: check its identity before use.',
      fields: ['iclac'],
    },
  ],
};
