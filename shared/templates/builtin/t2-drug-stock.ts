import type { TemplateDefinition } from '../definition';
import { PLATINUM_BY_NAME, SOLVENTS } from './options';

/**
 * T2 Drug / reagent stock: identity (PubChem CID, InChIKey, CAS, lot), the
 * stock's molarity from what was weighed, and a dilution table with the
 * volume to pipette (V1 = C2 × V2 / C1) and the final solvent percentage
 * (warn above 0.1 %, block above 0.5 %). A platinum drug in DMSO is blocked:
 * DMSO inactivates platinum drugs.
 */
export const DRUG_STOCK: TemplateDefinition = {
  id: 'drug-stock',
  version: 1,
  code: 'T2',
  name: 'Drug / reagent stock',
  description:
    'A drug or reagent stock: identifiers, lot, molarity from mass, MW and volume, storage, and working dilutions with the final solvent %.',
  category: 'reagent',
  label: '{{drug}}[ lot {{lot}}][ {{stock_mm}}]',
  groups: [
    {
      id: 'compound',
      label: 'Compound',
      fields: [
        { id: 'drug', type: 'text', label: 'Drug / reagent', required: true, maxLength: 200, placeholder: 'cisplatin' },
        {
          id: 'drug_class',
          type: 'enum',
          label: 'Class',
          options: [
            { value: 'platinum', label: 'platinum (cisplatin, carboplatin, oxaliplatin)' },
            { value: 'topo-ii', label: 'topoisomerase II inhibitor (etoposide)' },
            { value: 'topo-i', label: 'topoisomerase I inhibitor (irinotecan, topotecan)' },
            { value: 'alkylating', label: 'alkylating agent (temozolomide)' },
            { value: 'transcription', label: 'transcription inhibitor (lurbinectedin)' },
            { value: 'parp', label: 'PARP inhibitor' },
            { value: 'other', label: 'other' },
          ],
        },
        { id: 'pubchem_cid', type: 'identifier', label: 'PubChem CID', scheme: 'pubchem_cid', example: '36462' },
        {
          id: 'inchikey',
          type: 'identifier',
          label: 'InChIKey',
          scheme: 'inchikey',
          example: 'LXZZYRPGZAFOLE-UHFFFAOYSA-L',
        },
        { id: 'cas', type: 'identifier', label: 'CAS number', scheme: 'cas', example: '15663-27-1' },
        { id: 'vendor', type: 'text', label: 'Vendor', maxLength: 200 },
        { id: 'catalog', type: 'text', label: 'Catalog number', maxLength: 100 },
        { id: 'lot', type: 'text', label: 'Lot', required: true, maxLength: 100 },
        {
          id: 'mw',
          type: 'number',
          label: 'Molecular weight',
          family: 'molarMass',
          unit: 'g/mol',
          required: true,
          min: 1,
          max: 100_000,
        },
      ],
    },
    {
      id: 'stock',
      label: 'Stock',
      fields: [
        { id: 'mass', type: 'number', label: 'Mass weighed', family: 'mass', unit: 'mg', min: 0 },
        { id: 'volume', type: 'number', label: 'Solvent volume', family: 'volume', unit: 'mL', min: 0 },
        {
          id: 'solvent',
          type: 'enum',
          label: 'Solvent',
          options: SOLVENTS,
          help: 'Never dissolve platinum drugs in DMSO: use 0.9 % NaCl.',
        },
        {
          id: 'stock_mm',
          type: 'computed',
          label: 'Stock concentration',
          fn: 'stockMolarity',
          inputs: { mass: 'mass', mw: 'mw', volume: 'volume' },
          unit: 'mM',
          digits: 4,
          help: 'mass_mg / MW / volume_mL × 1000',
        },
        { id: 'aliquots', type: 'integer', label: 'Aliquots', min: 0, max: 10_000, suffix: 'aliquots' },
        { id: 'aliquot_volume', type: 'number', label: 'Aliquot volume', family: 'volume', unit: 'µL', min: 0 },
        {
          id: 'storage',
          type: 'enum',
          label: 'Storage',
          options: [
            { value: '-80C', label: '−80 °C' },
            { value: '-20C', label: '−20 °C' },
            { value: '4C', label: '4 °C' },
            { value: 'RT', label: 'room temperature' },
          ],
        },
        { id: 'prep_date', type: 'date', label: 'Prepared', default: '{{today}}' },
        { id: 'expiry_date', type: 'date', label: 'Expires' },
        { id: 'freeze_thaw', type: 'integer', label: 'Freeze-thaw cycles', min: 0, max: 1000 },
      ],
    },
    {
      id: 'dilutions',
      label: 'Dilutions',
      fields: [
        {
          id: 'dilutions',
          type: 'table',
          label: 'Dilutions',
          help: 'V1 = C2 × V2 / C1. C1 is the stock unless a working solution is given.',
          columns: [
            { id: 'purpose', type: 'text', label: 'For', maxLength: 200 },
            {
              id: 'source_conc',
              type: 'number',
              label: 'Working solution (C1)',
              family: 'molarConcentration',
              unit: 'mM',
              min: 0,
              help: 'Leave empty to dilute from the stock.',
            },
            {
              id: 'final_conc',
              type: 'number',
              label: 'Final concentration (C2)',
              family: 'molarConcentration',
              unit: 'µM',
              required: true,
              min: 0,
            },
            {
              id: 'final_volume',
              type: 'number',
              label: 'Final volume (V2)',
              family: 'volume',
              unit: 'mL',
              required: true,
              min: 0,
            },
            {
              id: 'diluent',
              type: 'enum',
              label: 'Diluted into',
              options: [{ value: 'medium', label: 'culture medium' }, ...SOLVENTS.filter((s) => s.value !== 'medium')],
              default: 'medium',
            },
            {
              id: 'stock_volume',
              type: 'computed',
              label: 'Volume to add (V1)',
              fn: 'c1v1',
              inputs: {
                stock: 'stock_mm',
                source: 'row.source_conc',
                final: 'row.final_conc',
                volume: 'row.final_volume',
              },
              unit: 'µL',
              digits: 3,
            },
            {
              id: 'solvent_percent',
              type: 'computed',
              label: 'Final solvent',
              fn: 'finalSolventPercent',
              inputs: {
                volume: 'row.stock_volume',
                total: 'row.final_volume',
                solvent: 'solvent',
                diluent: 'row.diluent',
              },
              unit: '%',
              digits: 3,
              warn: { max: 0.1, message: 'Final solvent above 0.1 %: include a vehicle control at the same %.' },
              block: {
                max: 0.5,
                message: 'Final solvent above 0.5 % is toxic to cells: use a more concentrated stock.',
              },
            },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'platinum_in_dmso',
      severity: 'block',
      when: {
        all: [
          {
            any: [
              { ref: 'drug', op: 'matches', value: PLATINUM_BY_NAME },
              { ref: 'drug_class', op: 'eq', value: 'platinum' },
            ],
          },
          { ref: 'solvent', op: 'eq', value: 'DMSO' },
        ],
      },
      message: 'Platinum drugs are inactivated by DMSO: dissolve cisplatin in 0.9 % NaCl.',
      fields: ['solvent', 'drug'],
    },
  ],
};
