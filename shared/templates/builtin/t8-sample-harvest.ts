import type { TemplateDefinition } from '../definition';
import { HUMAN_MOUSE_SORT, SCLC_SUBTYPES } from './options';

/**
 * T8 Sample harvest: a generated sample id, the parent (the induction, the
 * holiday, the barcoded population or the model), day and arm, cells and
 * viability (warn below 80 % for single-cell sequencing), dissociation and
 * human/mouse sort, subtype at harvest, assays, kit, storage, the deposit
 * accession and the MINSEQE checklist.
 */

const MINSEQE = [
  { value: 'samples', label: 'biological system, samples and variables described' },
  { value: 'raw-data', label: 'raw sequence reads deposited' },
  { value: 'processed-data', label: 'final processed data deposited' },
  { value: 'protocols', label: 'experimental and library protocols described' },
  { value: 'processing', label: 'data processing steps described' },
];

const SINGLE_CELL = ['10x-3p', 'multiome'];

export const SAMPLE_HARVEST: TemplateDefinition = {
  id: 'sample-harvest',
  version: 1,
  code: 'T8',
  name: 'Sample harvest',
  description:
    'A harvested sample for scRNA-seq, bulk RNA/ATAC, barcode amplicons or flow: id, parent, arm, cells, viability, assays, storage, accession, MINSEQE.',
  category: 'sequencing',
  label: '{{sample_id}}[ {{arm}}]',
  groups: [
    {
      id: 'sample',
      label: 'Sample',
      fields: [
        {
          id: 'sample_id',
          type: 'identifier',
          label: 'Sample ID',
          scheme: 'custom',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
          example: 'S20261126-7KQ2XM',
          required: true,
          unique: true,
          default: 'S{{date}}-{{id}}',
        },
        {
          id: 'parent',
          type: 'link',
          label: 'Parent',
          required: true,
          target: {
            kind: 'block',
            templateIds: [
              'persister-induction',
              'drug-holiday',
              'barcode-transduction',
              'pdx-treatment',
              'model-record',
            ],
          },
          lineage: true,
        },
        { id: 'harvest_date', type: 'date', label: 'Harvested', default: '{{today}}' },
        {
          id: 'day',
          type: 'integer',
          label: 'Day',
          min: 0,
          max: 1000,
          help: 'Day of the experiment (induction day 0).',
        },
        {
          id: 'arm',
          type: 'enum',
          label: 'Arm',
          options: [
            { value: 'treated', label: 'treated (persisters)' },
            { value: 'vehicle', label: 'vehicle' },
            { value: 'parental', label: 'parental' },
            { value: 'regrowth', label: 'regrowth' },
            { value: 'dtep', label: 'DTEP' },
            { value: 'reference', label: 'pre-treatment reference' },
            { value: 'other', label: 'other' },
          ],
        },
      ],
    },
    {
      id: 'cells_group',
      label: 'Cells',
      fields: [
        { id: 'cells', type: 'number', label: 'Cells', family: 'cellCount', unit: 'cells', min: 0 },
        { id: 'viability', type: 'number', label: 'Viability', family: 'percent', unit: '%', min: 0, max: 100 },
        {
          id: 'dissociation',
          type: 'enum',
          label: 'Dissociation',
          options: [
            { value: 'none', label: 'none (single cells)' },
            { value: 'gentle', label: 'gentle (pipetting, Accutase)' },
            { value: 'trypsin', label: 'trypsin / TrypLE' },
            { value: 'tumour-kit', label: 'enzymatic tumour dissociation kit' },
          ],
        },
        { id: 'human_mouse_sort', type: 'enum', label: 'Human/mouse sort', options: HUMAN_MOUSE_SORT },
        { id: 'subtype', type: 'enum', label: 'Subtype at harvest', options: SCLC_SUBTYPES },
      ],
    },
    {
      id: 'assays_group',
      label: 'Assays',
      fields: [
        {
          id: 'assays',
          type: 'multienum',
          label: 'Assays',
          options: [
            { value: '10x-3p', label: "10x 3' scRNA-seq" },
            { value: 'bulk-rna', label: 'bulk RNA-seq' },
            { value: 'atac', label: 'ATAC-seq' },
            { value: 'multiome', label: 'multiome (RNA + ATAC)' },
            { value: 'barcode-amplicon', label: 'barcode amplicon' },
            { value: 'flow', label: 'flow cytometry' },
          ],
        },
        { id: 'kit', type: 'text', label: 'Kit', maxLength: 200 },
        { id: 'kit_lot', type: 'text', label: 'Kit lot', maxLength: 100 },
        {
          id: 'storage',
          type: 'enum',
          label: 'Storage',
          options: [
            { value: 'fresh', label: 'processed fresh' },
            { value: '-80C', label: '−80 °C' },
            { value: 'ln2', label: 'liquid nitrogen' },
            { value: 'fixed', label: 'fixed' },
            { value: 'rnalater', label: 'RNAlater' },
          ],
        },
        {
          id: 'accession',
          type: 'identifier',
          label: 'GEO / SRA / EGA accession',
          scheme: 'custom',
          pattern: '^(GSE\\d+|GSM\\d+|SR[APRSX]\\d+|PRJNA\\d+|EGA[SDNF]\\d{11})$',
          example: 'GSE123456',
        },
        { id: 'minseqe', type: 'multienum', label: 'MINSEQE checklist', options: MINSEQE },
      ],
    },
  ],
  rules: [
    {
      id: 'single_cell_viability',
      severity: 'warning',
      when: {
        all: [
          { ref: 'assays', op: 'in', value: SINGLE_CELL },
          { ref: 'viability', op: 'lt', value: 80, unit: '%' },
        ],
      },
      message: 'Viability below 80 % for single-cell sequencing: remove dead cells before loading.',
      fields: ['viability', 'assays'],
    },
    {
      id: 'single_cell_numbers',
      severity: 'warning',
      when: {
        all: [
          { ref: 'assays', op: 'in', value: SINGLE_CELL },
          { ref: 'cells', op: 'lt', value: 3500, unit: 'cells' },
        ],
      },
      message:
        'Fewer than 3,500 cells for single-cell sequencing: pool vessels or plan more (see vessels needed in T4).',
      fields: ['cells', 'assays'],
    },
    {
      id: 'minseqe_incomplete',
      severity: 'warning',
      when: {
        all: [
          { ref: 'accession', op: 'present' },
          { any: MINSEQE.map((item) => ({ not: { ref: 'minseqe', op: 'eq' as const, value: item.value } })) },
        ],
      },
      message: 'The data are deposited but the MINSEQE checklist is incomplete.',
      fields: ['minseqe', 'accession'],
    },
  ],
};
