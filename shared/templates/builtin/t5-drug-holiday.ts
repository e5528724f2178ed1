import type { TemplateDefinition } from '../definition';

/**
 * T5 Drug holiday / regrowth / re-challenge: the parent induction, the
 * holiday schedule and counts; doubling time, time to regrow to N_0; the
 * re-challenge IC50 and its fold shift over the parental IC50, classed as
 * reverted (< 2×), tolerant (2-10×) or resistant (> 10×) with thresholds
 * the scientist can change. Regained sensitivity means reversible tolerance.
 */
export const DRUG_HOLIDAY: TemplateDefinition = {
  id: 'drug-holiday',
  version: 1,
  code: 'T5',
  name: 'Drug holiday / regrowth / re-challenge',
  description:
    'Withdrawal of drug from persisters: regrowth counts, doubling time, time to regrow, and the re-challenge IC50 fold shift (reverted, tolerant or resistant).',
  category: 'treatment',
  label: 'Holiday of {{parent_induction}}[: {{tolerance_class}}]',
  groups: [
    {
      id: 'origin',
      label: 'Holiday',
      fields: [
        {
          id: 'parent_induction',
          type: 'link',
          label: 'Parent induction',
          required: true,
          target: { kind: 'block', templateIds: ['persister-induction'] },
          snapshot: ['model', 'seeded_cells', 'persister_fraction'],
          lineage: true,
        },
        {
          id: 'condition',
          type: 'enum',
          label: 'Condition',
          options: [
            { value: 'holiday', label: 'drug holiday (drug withdrawn)' },
            { value: 'continuous', label: 'continuous drug (regrowth = DTEP)' },
          ],
          default: 'holiday',
          help: 'Cells that regrow under continuous drug are drug-tolerant expanded persisters (DTEP).',
        },
        { id: 'holiday_start', type: 'date', label: 'Holiday start', default: '{{today}}' },
        {
          id: 'medium_cadence',
          type: 'number',
          label: 'Medium change every',
          family: 'time',
          unit: 'd',
          default: 3,
          min: 0,
          warn: { min: 2, max: 5, message: 'During a holiday the medium is usually changed every 3-4 days.' },
        },
      ],
    },
    {
      id: 'counts_group',
      label: 'Counts',
      fields: [
        {
          id: 'counts',
          type: 'table',
          label: 'Counts',
          help: 'Days counted from day 0 of the induction.',
          columns: [
            { id: 'day', type: 'integer', label: 'Day', required: true, min: 0, max: 1000 },
            {
              id: 'count',
              type: 'number',
              label: 'Viable cells',
              family: 'cellCount',
              unit: 'cells',
              min: 0,
            },
            { id: 'viability', type: 'number', label: 'Viability', family: 'percent', unit: '%', min: 0, max: 100 },
            { id: 'note', type: 'text', label: 'Note', maxLength: 300 },
          ],
        },
      ],
    },
    {
      id: 'regrowth',
      label: 'Regrowth',
      fields: [
        {
          id: 'doubling_time',
          type: 'computed',
          label: 'Doubling time (last interval)',
          fn: 'doublingTime',
          inputs: { days: 'counts[].day', counts: 'counts[].count' },
          unit: 'd',
          digits: 3,
        },
        {
          id: 'regrowth_target',
          type: 'number',
          label: 'Regrowth target',
          family: 'cellCount',
          unit: 'cells',
          min: 0,
          help: 'Leave empty to use the cells seeded in the parent induction (N_0).',
        },
        {
          id: 'time_to_regrowth',
          type: 'computed',
          label: 'Time to regrow to N_0',
          fn: 'timeToRegrowth',
          inputs: {
            days: 'counts[].day',
            counts: 'counts[].count',
            target: 'regrowth_target',
            fallback: 'parent_induction.seeded_cells',
          },
          unit: 'd',
          digits: 3,
        },
      ],
    },
    {
      id: 'rechallenge',
      label: 'Re-challenge',
      fields: [
        {
          id: 'parental_ic50_entry',
          type: 'link',
          label: 'Parental IC50 entry',
          target: { kind: 'block', templateIds: ['ic50-plate'] },
          snapshot: ['drug', 'ic50'],
        },
        {
          id: 'parental_ic50',
          type: 'number',
          label: 'Parental IC50 (if not linked)',
          family: 'molarConcentration',
          unit: 'µM',
          min: 0,
        },
        {
          id: 'rechallenge_entry',
          type: 'link',
          label: 'Re-challenge IC50 entry',
          target: { kind: 'block', templateIds: ['ic50-plate'] },
          snapshot: ['drug', 'ic50'],
        },
        {
          id: 'rechallenge_ic50',
          type: 'number',
          label: 'Re-challenge IC50 (if not linked)',
          family: 'molarConcentration',
          unit: 'µM',
          min: 0,
        },
        {
          id: 'fold_shift',
          type: 'computed',
          label: 'Fold shift',
          fn: 'foldShift',
          inputs: {
            post: 'rechallenge_ic50',
            postLinked: 'rechallenge_entry.ic50',
            parental: 'parental_ic50',
            parentalLinked: 'parental_ic50_entry.ic50',
          },
          digits: 3,
        },
        { id: 'tolerant_from', type: 'decimal', label: 'Tolerant from', suffix: '×', default: 2, min: 1 },
        { id: 'resistant_above', type: 'decimal', label: 'Resistant above', suffix: '×', default: 10, min: 1 },
        {
          id: 'tolerance_class',
          type: 'computed',
          label: 'Class',
          fn: 'toleranceClass',
          inputs: { fold: 'fold_shift', tolerantFrom: 'tolerant_from', resistantAbove: 'resistant_above' },
        },
      ],
    },
  ],
  // Thresholds in the wrong order are reported by the class calculation itself.
  rules: [],
};
