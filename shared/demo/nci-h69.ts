import { documentOf, paragraph, text } from '../domain/lexical-build';
import type { LexicalNodeJson, LexicalState } from '../domain/types';
import type { BlockValues, LinkValue, PlateMapValue, TableRow, WellValue } from '../templates/block';
import {
  BARCODE_TRANSDUCTION,
  DRUG_HOLIDAY,
  DRUG_STOCK,
  IC50_PLATE,
  MODEL_RECORD,
  PDX_TREATMENT,
  PERSISTER_INDUCTION,
  SAMPLE_HARVEST,
} from '../templates/builtin/index';
import { addDays } from '../templates/dates';
import type { LinkFieldDefinition, TemplateDefinition } from '../templates/definition';
import type { EvaluationEnv } from '../templates/evaluation';
import { makeLinkValue } from '../templates/snapshot';
import {
  CALIPER,
  CHECK_B_DOSES_UM,
  CHECK_B_VIABILITY,
  HOLIDAY_COUNTS,
  INDUCTION_COUNTS,
  PLATE_BLANK_RLU,
  PLATE_KILL_RLU,
  PLATE_VEHICLE_RLU,
} from './nci-h69-data';
import { protocolBlockNode } from './protocol-block';

/**
 * The illustrative NCI-H69 persister experiment of the domain guide as
 * notebook entries, each a short narrative around one protocol block: the
 * model, the two drug stocks, the cisplatin IC50, the barcoding, the
 * persister induction, the drug holiday with re-challenge, the harvest, and
 * an in vivo arm on a CDX. Links between the blocks are real (entry and block
 * ids assigned here, snapshots made the way the editor makes them), so the
 * demo shows back-links, lineage and computed values that flow across
 * entries. Dates are relative to `env.today` (induction day 0 is 40 days ago).
 */

export const DEMO_NOTEBOOK = 'Demo: NCI-H69 persisters';

export interface DemoBlock {
  blockId: string;
  templateId: string;
  values: BlockValues;
}

export interface DemoEntry {
  entryId: string;
  notebook: string;
  title: string;
  tags: string[];
  content: LexicalState;
  /** The entry's protocol blocks (also inside `content`), for tests and the seeding code. */
  blocks: DemoBlock[];
}

interface Made {
  entryId: string;
  blockId: string;
  template: TemplateDefinition;
  values: BlockValues;
}

const q = (value: number, unit: string) => ({ value, unit });

/** A link field of a template (or a link column of one of its tables). */
function linkFieldOf(template: TemplateDefinition, id: string, column?: string): LinkFieldDefinition {
  for (const group of template.groups) {
    for (const field of group.fields) {
      if (field.id !== id) continue;
      const target =
        column === undefined ? field : field.type === 'table' ? field.columns.find((c) => c.id === column) : undefined;
      if (target?.type === 'link') return target;
    }
  }
  throw new Error(`demo: ${template.id} has no link field ${id}${column ? `.${column}` : ''}`);
}

/** Builds the demo entries (see the file comment); `ids` makes ULIDs for entries, blocks and table rows. */
export function demoExperiment(ids: () => string, env: EvaluationEnv): DemoEntry[] {
  const dayDate = (day: number): string => addDays(env.today, day - 40);
  const row = (cells: Record<string, unknown>): TableRow => ({ rowId: ids(), ...cells });
  const entries: DemoEntry[] = [];
  const made = (template: TemplateDefinition, values: BlockValues): Made => ({
    entryId: ids(),
    blockId: ids(),
    template,
    values,
  });
  const link = (from: TemplateDefinition, field: string, to: Made, column?: string): LinkValue =>
    makeLinkValue(linkFieldOf(from, field, column), { ...to }, env);
  const add = (m: Made, title: string, tags: string[], before: LexicalNodeJson[], after: LexicalNodeJson[]): void => {
    entries.push({
      entryId: m.entryId,
      notebook: DEMO_NOTEBOOK,
      title,
      tags,
      content: documentOf(...before, protocolBlockNode(m.blockId, m.template, m.values), ...after),
      blocks: [{ blockId: m.blockId, templateId: m.template.id, values: m.values }],
    });
  };

  // ---- T1 NCI-H69 ----
  const h69 = made(MODEL_RECORD, {
    model_id: 'NCI-H69',
    model_type: 'cell-line',
    name: 'NCI-H69 (H69)',
    cellosaurus: 'CVCL_1579',
    primary_site: 'lung',
    histology: 'SCLC',
    derivation: 'naive',
    subtype: 'SCLC-A',
    growth_mode: 'suspension',
    medium: 'RPMI-1640 + 10 % FBS',
    passage: 12,
    str_match: q(100, '%'),
    str_date: dayDate(-25),
    myco_date: dayDate(-20),
    myco_method: 'PCR',
    myco_result: 'negative',
    iclac: 'not-listed',
  });
  add(
    h69,
    'NCI-H69: thaw, STR and mycoplasma',
    ['demo', 'NCI-H69', 'QC'],
    [
      paragraph(
        'Thawed a low-passage vial of NCI-H69 (passage 12). The cells grow as floating aggregates; counts are taken after gentle dissociation.',
      ),
    ],
    [
      paragraph(
        'STR profile matches the reference 100 %; mycoplasma PCR negative. Cleared for the persister experiments.',
      ),
    ],
  );

  // ---- T2 stocks ----
  const cisplatin = made(DRUG_STOCK, {
    drug: 'cisplatin',
    drug_class: 'platinum',
    cas: '15663-27-1',
    inchikey: 'LXZZYRPGZAFOLE-UHFFFAOYSA-L',
    lot: 'DEMO-CIS-01',
    mw: q(300.05, 'g/mol'),
    mass: q(1.0, 'mg'),
    volume: q(1, 'mL'),
    solvent: 'saline',
    aliquots: 20,
    aliquot_volume: q(50, 'µL'),
    storage: 'RT',
    prep_date: dayDate(-15),
    dilutions: [
      row({
        purpose: 'induction flask (15 µM)',
        final_conc: q(15, 'µM'),
        final_volume: q(10, 'mL'),
        diluent: 'medium',
      }),
    ],
  });
  add(
    cisplatin,
    'Cisplatin stock 1 mg/mL in saline',
    ['demo', 'cisplatin', 'stock'],
    [
      paragraph(
        'Cisplatin dissolved in 0.9 % NaCl, never in DMSO (DMSO inactivates platinum drugs). Kept at room temperature, protected from light.',
      ),
    ],
    [paragraph('1.000 mg/mL is 3.333 mM: 45 µL into 10 mL of medium gives 15 µM.')],
  );

  const etoposide = made(DRUG_STOCK, {
    drug: 'etoposide',
    drug_class: 'topo-ii',
    pubchem_cid: '36462',
    cas: '33419-42-0',
    inchikey: 'VJJPUSNTGOMMGY-MRVIYFEKSA-N',
    lot: 'DEMO-ETO-01',
    mw: q(588.56, 'g/mol'),
    mass: q(29.43, 'mg'),
    volume: q(1, 'mL'),
    solvent: 'DMSO',
    aliquots: 10,
    aliquot_volume: q(20, 'µL'),
    storage: '-20C',
    prep_date: dayDate(-15),
    dilutions: [
      row({ purpose: '10 mM intermediate', final_conc: q(10, 'mM'), final_volume: q(100, 'µL'), diluent: 'DMSO' }),
      row({
        purpose: 'induction flask (6 µM)',
        source_conc: q(10, 'mM'),
        final_conc: q(6, 'µM'),
        final_volume: q(10, 'mL'),
        diluent: 'medium',
      }),
    ],
  });
  add(
    etoposide,
    'Etoposide stock 50 mM in DMSO',
    ['demo', 'etoposide', 'stock'],
    [paragraph('Etoposide 50 mM in DMSO, with a 10 mM intermediate in DMSO for dosing.')],
    [paragraph('6 µL of the 10 mM intermediate into 10 mL gives 6 µM at 0.06 % DMSO, below the 0.1 % limit.')],
  );

  // ---- T3 IC50 (Check B data as luminescence) ----
  const blank = PLATE_BLANK_RLU.reduce((a, b) => a + b, 0) / PLATE_BLANK_RLU.length;
  const vehicle = PLATE_VEHICLE_RLU.reduce((a, b) => a + b, 0) / PLATE_VEHICLE_RLU.length;
  const signalOf = (viability: number) => Math.round((blank + ((vehicle - blank) * viability) / 100) * 1000) / 1000;
  const wells: Record<string, WellValue> = {};
  const responses: TableRow[] = [];
  for (const [r, letter] of ['B', 'C', 'D'].entries()) {
    CHECK_B_DOSES_UM.forEach((dose, i) => {
      const doseIndex = CHECK_B_DOSES_UM.length - 1 - i; // 0 = the top concentration
      const reading = signalOf(CHECK_B_VIABILITY[i] as number);
      wells[`${letter}${doseIndex + 2}`] = { role: 'sample', dose: doseIndex, reading };
      responses.push(row({ dose: q(dose, 'µM'), replicate: r + 1, signal: reading }));
    });
  }
  ['B', 'C', 'D', 'E', 'F', 'G'].forEach(
    (letter, i) => (wells[`${letter}11`] = { role: 'vehicle', reading: PLATE_VEHICLE_RLU[i] as number }),
  );
  ['B', 'C', 'D'].forEach(
    (letter, i) => (wells[`${letter}12`] = { role: 'kill', reading: PLATE_KILL_RLU[i] as number }),
  );
  ['E', 'F', 'G'].forEach(
    (letter, i) => (wells[`${letter}12`] = { role: 'blank', reading: PLATE_BLANK_RLU[i] as number }),
  );
  const plate: PlateMapValue = { format: 96, wells, series: { top: q(100, 'µM'), factor: 3, doses: 9 } };
  const ic50Values: BlockValues = {
    drug: 'cisplatin',
    format: '96',
    assay: 'atp',
    cells_per_well: q(5000, 'cells'),
    exposure: q(72, 'h'),
    plate_date: dayDate(-10),
    top_concentration: q(100, 'µM'),
    dilution_factor: 3,
    doses: 9,
    replicates: 3,
    time0: false,
    plate,
    blank_signal: blank,
    vehicle_signal: vehicle,
    responses,
  };
  const ic50 = made(IC50_PLATE, ic50Values);
  ic50Values.model = link(IC50_PLATE, 'model', h69);
  ic50Values.drug_stock = link(IC50_PLATE, 'drug_stock', cisplatin);
  add(
    ic50,
    '72-h cisplatin IC50 on NCI-H69',
    ['demo', 'NCI-H69', 'cisplatin', 'IC50'],
    [paragraph('Nine 3-fold dilutions of cisplatin from 100 µM, triplicates, 72 h, ATP luminescence (CellTiter-Glo).')],
    [paragraph('IC50 3.0 µM with a Hill slope of 1.3; etoposide measured the same way gave 1.2 µM.')],
  );

  // ---- T7 barcoding ----
  const barcoding = made(BARCODE_TRANSDUCTION, {
    library: 'lentiviral barcode library (demo)',
    complexity: 1_000_000,
    virus_lot: 'DEMO-LV-03',
    titre: q(1e8, 'TU/mL'),
    transduction_date: dayDate(-14),
    cells: q(2e6, 'cells'),
    target_moi: 0.1,
    marker: 'GFP',
    positive_percent: q(9.5, '%'),
    selection: 'sort',
    expansion_days: q(7, 'd'),
    reference_sample: 'BC-H69-REF, −80 °C box 3',
    reference_cells: q(2e5, 'cells'),
    arms: 2,
  });
  barcoding.values.model = link(BARCODE_TRANSDUCTION, 'model', h69);
  add(
    barcoding,
    'NCI-H69 lineage barcoding',
    ['demo', 'NCI-H69', 'barcoding'],
    [paragraph('Transduced 2 × 10⁶ cells at MOI 0.1 so that nearly every labelled cell carries a single barcode.')],
    [
      paragraph(
        '9.5 % GFP+ after 72 h: an actual MOI of 0.0998. A pre-treatment reference was frozen before splitting into arms.',
      ),
    ],
  );

  // ---- T4 induction ----
  const inductionValues: BlockValues = {
    vehicle: '45 µL 0.9 % NaCl + 6 µL DMSO',
    vessel: 'T25',
    medium_volume: q(10, 'mL'),
    seeded_cells: q(1e6, 'cells'),
    day0_date: dayDate(0),
    refresh_interval: q(3, 'd'),
    refresh_type: 'half',
    duration: q(12, 'd'),
    target_cells: q(1e5, 'cells'),
    timepoints: INDUCTION_COUNTS.map((t) =>
      row({
        day: t.day,
        treated: q(t.treated, 'cells'),
        vehicle: q(t.vehicle, 'cells'),
        viability: q(t.viability, '%'),
        method: 'trypan',
      }),
    ),
  };
  const induction = made(PERSISTER_INDUCTION, inductionValues);
  inductionValues.model = link(PERSISTER_INDUCTION, 'model', h69);
  inductionValues.treatments = [
    row({
      stock: link(PERSISTER_INDUCTION, 'treatments', cisplatin, 'stock'),
      ic50_entry: link(PERSISTER_INDUCTION, 'treatments', ic50, 'ic50_entry'),
      multiple: 5,
    }),
    row({
      stock: link(PERSISTER_INDUCTION, 'treatments', etoposide, 'stock'),
      ic50: q(1.2, 'µM'),
      multiple: 5,
      working_conc: q(10, 'mM'),
    }),
  ];
  add(
    induction,
    'Persister induction: cisplatin + etoposide at 5 × IC50',
    ['demo', 'NCI-H69', 'persisters', 'cisplatin', 'etoposide'],
    [
      paragraph(
        'Seeded 1 × 10⁶ NCI-H69 cells in a T25 (10 mL, 1 × 10⁵ cells/mL) and treated at 5 × IC50: cisplatin 15 µM and etoposide 6 µM, with a vehicle arm. Half medium change with fresh drug every 3 days.',
      ),
    ],
    [
      paragraph(
        'The treated arm fell to ',
        text('1.5 %', 'bold'),
        ' of day 0 by day 12 and flattened (−0.088 doublings/day between days 9 and 12): the persister plateau.',
      ),
    ],
  );

  // ---- T5 holiday ----
  const holidayValues: BlockValues = {
    condition: 'holiday',
    holiday_start: dayDate(12),
    medium_cadence: q(3.5, 'd'),
    counts: HOLIDAY_COUNTS.map((c) => row({ day: c.day, count: q(c.count, 'cells') })),
    rechallenge_ic50: q(4.1, 'µM'),
  };
  const holiday = made(DRUG_HOLIDAY, holidayValues);
  holidayValues.parent_induction = link(DRUG_HOLIDAY, 'parent_induction', induction);
  holidayValues.parental_ic50_entry = link(DRUG_HOLIDAY, 'parental_ic50_entry', ic50);
  add(
    holiday,
    'Drug holiday and cisplatin re-challenge',
    ['demo', 'NCI-H69', 'holiday', 'regrowth'],
    [paragraph('Drug withdrawn on day 12; medium changed every 3-4 days while the persisters regrew.')],
    [
      paragraph(
        'Re-challenge IC50 4.1 µM against 3.0 µM for the parental cells: a 1.37-fold shift, ',
        text('reverted', 'italic'),
        '. The tolerance was reversible, not resistance.',
      ),
    ],
  );

  // ---- T8 harvest ----
  const harvestValues: BlockValues = {
    sample_id: `S${dayDate(12).replace(/-/g, '')}-H69D12`,
    harvest_date: dayDate(12),
    day: 12,
    arm: 'treated',
    cells: q(1.5e4, 'cells'),
    viability: q(86, '%'),
    dissociation: 'gentle',
    human_mouse_sort: 'none',
    subtype: 'SCLC-A',
    assays: ['10x-3p'],
    kit: "Chromium single-cell 3' kit",
    storage: 'fresh',
  };
  const harvest = made(SAMPLE_HARVEST, harvestValues);
  harvestValues.parent = link(SAMPLE_HARVEST, 'parent', induction);
  add(
    harvest,
    'Harvest of day-12 persisters for scRNA-seq',
    ['demo', 'NCI-H69', 'harvest', 'scRNA-seq'],
    [paragraph('Persisters of the day-12 plateau harvested for single-cell RNA-seq after gentle dissociation.')],
    [paragraph('86 % viable, above the 80 % needed for single-cell capture.')],
  );

  // ---- In vivo: CDX model and treatment ----
  const cdx = made(MODEL_RECORD, {
    model_id: 'CDX-DEMO-01',
    model_type: 'cdx',
    name: 'CDX-DEMO-01 (illustrative)',
    primary_site: 'lung',
    histology: 'SCLC',
    derivation: 'relapsed',
    subtype: 'SCLC-A',
    growth_mode: 'in-vivo',
    source_tumour: 'circulating tumour cells from a blood draw at relapse',
    mouse_passage: 3,
    host_strain: 'NSG',
    human_mouse_sort: 'mouse-depletion',
    str_match: q(100, '%'),
    myco_date: dayDate(-30),
    myco_method: 'PCR',
    myco_result: 'negative',
  });
  add(
    cdx,
    'CDX-DEMO-01 model record',
    ['demo', 'CDX', 'in vivo'],
    [paragraph('A circulating-tumour-cell-derived xenograft from a patient at relapse, passaged in NSG mice.')],
    [],
  );

  const pdxValues: BlockValues = {
    iacuc: 'IACUC-DEMO-0001',
    study_design: 'Two arms (vehicle; cisplatin + etoposide), the mouse is the experimental unit.',
    n_per_arm: 5,
    sample_size_rationale: 'Pilot: five mice per arm, as in previous CDX studies of the lab.',
    inclusion_exclusion: 'Enrolled at 150-250 mm³; excluded if ulcerated before day 0.',
    randomisation: 'Tumour-volume-matched block randomisation at enrolment (random numbers from a spreadsheet).',
    blinding: 'Caliper measurements by a technician blinded to the arm.',
    outcome_measures: 'Tumour volume (L × W² / 2) twice weekly; body weight.',
    statistical_methods: 'Mixed-effects model of log volume; TGI at day 14.',
    strain: 'NSG',
    sex: 'female',
    age: q(8, 'week'),
    animal_source: 'in-house colony',
    enrol_min: q(150, 'mm3'),
    enrol_max: q(250, 'mm3'),
    control_arm: 'vehicle',
    regimen: [
      row({
        arm: 'vehicle',
        drug: 'saline',
        route: 'ip',
        days: 'd1-3',
        vehicle: '0.9 % NaCl',
        body_weight: q(22, 'g'),
      }),
      row({
        arm: 'cisplatin + etoposide',
        drug: 'cisplatin',
        dose: q(5, 'mg/kg'),
        route: 'ip',
        days: 'd1',
        vehicle: '0.9 % NaCl',
        solution: q(0.5, 'mg/mL'),
        body_weight: q(22, 'g'),
      }),
      row({
        arm: 'cisplatin + etoposide',
        drug: 'etoposide',
        dose: q(10, 'mg/kg'),
        route: 'ip',
        days: 'd1-3',
        vehicle: '5 % DMSO in saline',
        solution: q(1, 'mg/mL'),
        body_weight: q(22, 'g'),
      }),
    ],
    caliper: CALIPER.map((c) =>
      row({
        animal: c.animal,
        arm: c.arm,
        day: c.day,
        length: q(c.l, 'mm'),
        width: q(c.w, 'mm'),
        body_weight: q(c.bw, 'g'),
      }),
    ),
  };
  const pdx = made(PDX_TREATMENT, pdxValues);
  pdxValues.model = link(PDX_TREATMENT, 'model', cdx);
  add(
    pdx,
    'CDX-DEMO-01: cisplatin + etoposide in vivo',
    ['demo', 'CDX', 'in vivo'],
    [paragraph('NSG mice bearing CDX-DEMO-01 enrolled at 150-250 mm³, n = 5 per arm.')],
    [paragraph('First tumour of the vehicle arm: caliper 8.2 × 7.1 mm, 206.7 mm³.')],
  );

  return entries;
}
