import { documentOf, heading, list, paragraph, table, text } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson, LexicalState } from '../../shared/domain/types';
import type { Prng } from './prng';

/**
 * Realistic lab-notebook text for the benchmark: persister-cell experiments
 * written the way people write them (cell lines, drugs, assays, numbers), so
 * that full-text search meets real term frequencies: a few words in nearly
 * every entry, most in a few percent of them.
 */
export const CELL_LINES = [
  'PC9',
  'HCC827',
  'H1975',
  'NCI-H69',
  'NCI-H82',
  'A549',
  'H358',
  'MCF7',
  'T47D',
  'MDA-MB-231',
  'BT474',
  'HCT116',
  'SW480',
  'A375',
  'SK-MEL-28',
  'U87',
  'OVCAR3',
  'Kuramochi',
  'PANC-1',
  'MIA PaCa-2',
];
export const DRUGS = [
  'osimertinib',
  'erlotinib',
  'gefitinib',
  'cisplatin',
  'carboplatin',
  'etoposide',
  'paclitaxel',
  'docetaxel',
  'trametinib',
  'dabrafenib',
  'vemurafenib',
  'sotorasib',
  'lapatinib',
  '5-FU',
  'doxorubicin',
  'olaparib',
  'venetoclax',
  'alpelisib',
  'palbociclib',
  'gemcitabine',
];
const ASSAYS = [
  'CellTiter-Glo',
  'MTT',
  'crystal violet',
  'flow cytometry',
  'Annexin V/PI staining',
  'EdU incorporation',
  'western blot',
  'qPCR',
  'RNA-seq',
  'scRNA-seq',
  'colony formation',
  'Incucyte imaging',
  'immunofluorescence',
  'Aldefluor ALDH assay',
  'CFSE dilution',
  'lineage barcoding',
  'clonogenic regrowth',
  'TMRM staining',
];
const MARKERS = [
  'ALDH1A1',
  'CD133',
  'CD44',
  'KDM5A',
  'AXL',
  'Ki-67',
  'cleaved caspase-3',
  'p-ERK',
  'p-AKT',
  'EGFR',
  'GPX4',
  'YAP1',
  'SOX2',
  'vimentin',
  'E-cadherin',
  'β-actin',
  'GAPDH',
  'BCL-2',
  'MCL-1',
  'p21',
];
const REAGENTS = [
  'DMSO',
  'PBS',
  'trypsin-EDTA',
  'FBS',
  'RPMI-1640',
  'DMEM',
  'penicillin-streptomycin',
  'ferrostatin-1',
  'Z-VAD-FMK',
  'RIPA buffer',
  'protease inhibitor',
  'Matrigel',
  'puromycin',
  'blasticidin',
  'polybrene',
  'Hoechst 33342',
];
const VESSELS = [
  'T25 flask',
  'T75 flask',
  '6-well plate',
  '12-well plate',
  '96-well plate',
  '10 cm dish',
  '384-well plate',
];
const STATES = [
  'drug-tolerant persisters',
  'residual disease',
  'dormant cells',
  'regrowing colonies',
  'slow-cycling cells',
  'drug holiday',
  'reversible tolerance',
  'senescent-like cells',
  'expanded persister clones',
];
const OBSERVATIONS = [
  'most cells detached within {n} hours',
  'the surviving fraction was about {p} %',
  'morphology looked flattened and enlarged',
  'signal dropped {x}-fold against vehicle',
  'colonies reappeared after {n} days off drug',
  'no mycoplasma detected by PCR',
  'confluence plateaued at {p} %',
  'the IC50 shifted from {u} µM to {u2} µM',
  'bands were faint; exposure increased to {n} s',
  'replicates agreed within {p} %',
  'the persister pool expressed more {marker}',
  'viability recovered to {p} % of control',
];
const VERBS = [
  'Seeded',
  'Treated',
  'Harvested',
  'Stained',
  'Imaged',
  'Lysed',
  'Counted',
  'Replated',
  'Washed',
  'Fixed',
];
const CONNECTIVES = ['Then', 'Afterwards', 'Meanwhile', 'In parallel', 'As before', 'Unexpectedly', 'Notably', 'Again'];
export const TAGS = [
  'persisters',
  'drug-holiday',
  'dose-response',
  'flow',
  'western',
  'pilot',
  'repeat',
  'imaging',
  'sequencing',
  'ferroptosis',
  'EMT',
  'clonal-dynamics',
  'qc',
  'protocol',
];

function fill(rng: Prng, template: string): string {
  return template
    .replace('{n}', String(rng.int(2, 72)))
    .replace('{p}', String(rng.int(1, 99)))
    .replace('{x}', (rng.int(15, 120) / 10).toFixed(1))
    .replace('{u2}', (rng.int(1, 500) / 100).toFixed(2))
    .replace('{u}', (rng.int(1, 200) / 1000).toFixed(3))
    .replace('{marker}', rng.pick(MARKERS));
}

/** One sentence of a methods or observations paragraph. */
function sentence(rng: Prng, cell: string, drug: string): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `${rng.pick(VERBS)} ${rng.int(1, 9)}e${rng.int(4, 6)} ${cell} cells in a ${rng.pick(VESSELS)} with ${rng.pick(REAGENTS)}.`;
    case 1:
      return `Added ${drug} at ${rng.pick(['0.1', '0.5', '1', '2', '5', '10', '25'])} µM for ${rng.int(1, 14)} days; vehicle wells got ${rng.pick(['0.1', '0.05'])} % DMSO.`;
    case 2:
      return `${rng.pick(CONNECTIVES)}, ${fill(rng, rng.pick(OBSERVATIONS))}.`;
    case 3:
      return `Ran ${rng.pick(ASSAYS)} on the ${rng.pick(STATES)} and measured ${rng.pick(MARKERS)} against ${rng.pick(MARKERS)}.`;
    case 4:
      return `Passage ${rng.int(3, 40)}, medium ${rng.pick(['RPMI-1640', 'DMEM', 'DMEM/F12'])} with ${rng.int(5, 10)} % FBS; ${fill(rng, rng.pick(OBSERVATIONS))}.`;
    default:
      return `The ${rng.pick(STATES)} from ${cell} under ${drug} look like the ${rng.pick(STATES)} seen with ${rng.pick(DRUGS)}.`;
  }
}

function paragraphText(rng: Prng, cell: string, drug: string, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng, cell, drug)).join(' ');
}

function wordsIn(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export interface GeneratedEntry {
  title: string;
  tags: string[];
  /** Blocks in writing order; revision k of n holds a growing prefix of them. */
  blocks: LexicalNodeJson[];
  words: number;
}

/** An entry of roughly minWords to maxWords words: headings, paragraphs, a protocol list, a count table. */
export function generateEntry(rng: Prng, minWords = 200, maxWords = 500): GeneratedEntry {
  const cell = rng.pick(CELL_LINES);
  const drug = rng.pick(DRUGS);
  const target = rng.int(minWords, maxWords);
  const title = `${drug} ${rng.pick(ASSAYS)} in ${cell}, ${rng.pick(['day', 'week', 'run'])} ${rng.int(1, 30)}`;
  const tags = [...new Set([cell, drug, ...rng.sample(TAGS, rng.int(0, 3))])];
  const blocks: LexicalNodeJson[] = [heading('h2', 'Aim')];
  let words = 1;
  const add = (block: LexicalNodeJson, count: number) => {
    blocks.push(block);
    words += count;
  };
  const aim = `Test whether ${rng.pick(STATES)} of ${cell} survive ${drug} through ${rng.pick(['ALDH', 'KDM5A', 'GPX4', 'AXL', 'BCL-2'])} dependence.`;
  add(paragraph(aim), wordsIn(aim));
  add(heading('h2', 'Method'), 1);
  const steps = Array.from({ length: rng.int(3, 6) }, () => [sentence(rng, cell, drug)]);
  add(
    list('number', steps),
    steps.reduce((n, [s]) => n + wordsIn(s as string), 0),
  );
  add(heading('h2', 'Observations'), 1);
  while (words < target - 40) {
    if (rng.chance(0.15)) {
      const rows = [
        ['Day', 'Vehicle', drug],
        ...Array.from({ length: rng.int(2, 5) }, (_, i) => [
          String(i * 3),
          `${rng.int(1, 9)}.${rng.int(0, 9)}e5`,
          `${rng.int(1, 9)}.${rng.int(0, 9)}e${rng.int(3, 5)}`,
        ]),
      ];
      add(table(rows), rows.length * 3);
    } else {
      const p = paragraphText(rng, cell, drug, rng.int(2, 5));
      const parts = rng.chance(0.3) ? [p, text(` ${rng.pick(MARKERS)} high`, 'bold')] : [p];
      add(paragraph(...parts), wordsIn(p) + (parts.length > 1 ? 2 : 0));
    }
  }
  add(heading('h2', 'Next'), 1);
  const next = `Repeat with ${rng.pick(DRUGS)} and check ${rng.pick(MARKERS)} by ${rng.pick(ASSAYS)}.`;
  add(list('check', [{ checked: false, parts: [next] }]), wordsIn(next));
  return { title, tags, blocks, words };
}

/** The document of revision `seq` of `total`: the first blocks, growing to the whole entry. */
export function documentAt(entry: GeneratedEntry, seq: number, total: number): LexicalState {
  const count = Math.max(1, Math.ceil((entry.blocks.length * seq) / total));
  return documentOf(...entry.blocks.slice(0, count));
}

/**
 * Search text people type: single words common and rare, two-word phrases,
 * and half-typed words (the last word matches as a prefix).
 */
export const QUERIES = [
  'osimertinib',
  'cisplatin persisters',
  'PC9',
  'CellTiter-Glo',
  'ALDH1A1',
  'drug holiday',
  'annexin',
  'colony formation',
  'H1975 osim',
  'mycoplasma',
  'KDM5A',
  'ferrostatin',
  'western blot p-ERK',
  'viability recovered',
  'trametinib A375',
  'etoposide NCI-H69',
  'qPCR GAPDH',
  'scRNA',
  'barcod',
  'Incucyte confluence',
  'crystal violet',
  'passage 12',
  'GPX4',
  'residual disease',
  'EdU',
  'olaparib',
  'dormant',
  'regrowing colonies',
  'cleaved caspase',
  'lineage',
  'cells',
  'medium FBS',
  'vemurafenib SK-MEL',
  'slow-cycling',
  'IC50 shifted',
  'Matrigel',
  'dmso vehicle',
];
