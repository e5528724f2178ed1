import type { TemplateDefinition } from '../definition';

/**
 * T7 Lineage-barcode transduction: the library and virus, the target MOI
 * (warn above 0.3: barcoding wants one barcode per cell), the virus volume
 * (MOI × cells / titre), the marker-positive fraction f and the actual MOI
 * −ln(1 − f), cells per barcode, and the pre-treatment reference kept before
 * the population is split into arms.
 */
export const BARCODE_TRANSDUCTION: TemplateDefinition = {
  id: 'barcode-transduction',
  version: 1,
  code: 'T7',
  name: 'Lineage-barcode transduction',
  description:
    'Lentiviral barcoding before treatment: library, titre, target and actual MOI, virus volume, cells per barcode, pre-treatment reference.',
  category: 'other',
  label: '{{model}} barcoded[ with {{library}}]',
  groups: [
    {
      id: 'library_group',
      label: 'Library and virus',
      fields: [
        {
          id: 'model',
          type: 'link',
          label: 'Model',
          target: { kind: 'block', templateIds: ['model-record'] },
          snapshot: ['model_id'],
          lineage: true,
        },
        { id: 'library', type: 'text', label: 'Barcode library', maxLength: 200 },
        { id: 'complexity', type: 'integer', label: 'Library complexity', min: 1, suffix: 'barcodes' },
        { id: 'virus_lot', type: 'text', label: 'Virus lot', maxLength: 100 },
        { id: 'titre', type: 'number', label: 'Titre', family: 'titre', unit: 'TU/mL', min: 0 },
        { id: 'transduction_date', type: 'date', label: 'Transduced', default: '{{today}}' },
      ],
    },
    {
      id: 'transduction',
      label: 'Transduction',
      fields: [
        {
          id: 'cells',
          type: 'number',
          label: 'Cells transduced',
          family: 'cellCount',
          unit: 'cells',
          min: 0,
        },
        {
          id: 'target_moi',
          type: 'decimal',
          label: 'Target MOI',
          min: 0,
          default: 0.1,
          warn: {
            max: 0.3,
            message:
              'MOI above 0.3: many cells will carry more than one barcode (CellTag-style labelling uses 3-4 on purpose).',
          },
        },
        {
          id: 'virus_volume',
          type: 'computed',
          label: 'Virus to add',
          fn: 'virusVolume',
          inputs: { moi: 'target_moi', cells: 'cells', titre: 'titre' },
          unit: 'µL',
          digits: 3,
        },
        { id: 'marker', type: 'text', label: 'Marker', maxLength: 50, default: 'GFP' },
        {
          id: 'positive_percent',
          type: 'number',
          label: 'Marker-positive',
          family: 'percent',
          unit: '%',
          min: 0,
          max: 100,
        },
        {
          id: 'moi_actual',
          type: 'computed',
          label: 'Actual MOI',
          fn: 'moiActual',
          inputs: { fraction: 'positive_percent' },
          digits: 3,
          warn: { max: 0.3, message: 'Actual MOI above 0.3: expect cells with several barcodes.' },
        },
        {
          id: 'cells_per_barcode',
          type: 'computed',
          label: 'Cells per barcode',
          fn: 'cellsPerBarcode',
          inputs: { cells: 'cells', fraction: 'positive_percent', complexity: 'complexity' },
          digits: 3,
        },
      ],
    },
    {
      id: 'expansion',
      label: 'Expansion and reference',
      fields: [
        {
          id: 'selection',
          type: 'enum',
          label: 'Selection',
          options: [
            { value: 'none', label: 'none' },
            { value: 'puromycin', label: 'puromycin' },
            { value: 'sort', label: 'sort on the marker' },
          ],
        },
        { id: 'expansion_days', type: 'number', label: 'Expansion', family: 'time', unit: 'd', min: 0 },
        {
          id: 'reference_sample',
          type: 'text',
          label: 'Pre-treatment reference',
          required: true,
          maxLength: 300,
          help: 'Sample id and location of the barcoded population kept before splitting into arms.',
        },
        { id: 'reference_cells', type: 'number', label: 'Reference cells', family: 'cellCount', unit: 'cells', min: 0 },
        { id: 'arms', type: 'integer', label: 'Arms split into', min: 1, max: 100 },
      ],
    },
  ],
  rules: [],
};
