import type { TemplateDefinition } from '../definition';
import { MODEL_RECORD } from './t1-model-record';
import { DRUG_STOCK } from './t2-drug-stock';
import { IC50_PLATE } from './t3-ic50-plate';
import { PERSISTER_INDUCTION } from './t4-persister-induction';
import { DRUG_HOLIDAY } from './t5-drug-holiday';
import { PDX_TREATMENT } from './t6-pdx-treatment';
import { BARCODE_TRANSDUCTION } from './t7-barcode-transduction';
import { SAMPLE_HARVEST } from './t8-sample-harvest';

export {
  BARCODE_TRANSDUCTION,
  DRUG_HOLIDAY,
  DRUG_STOCK,
  IC50_PLATE,
  MODEL_RECORD,
  PDX_TREATMENT,
  PERSISTER_INDUCTION,
  SAMPLE_HARVEST,
};

/**
 * The eight templates the notebook ships (domain guide T1-T8), in workflow
 * order. Plain data: the core stores them as version 1 of each template on
 * first run; tests validate them with validateTemplate.
 */
export const BUILTIN_TEMPLATES: TemplateDefinition[] = [
  MODEL_RECORD,
  DRUG_STOCK,
  IC50_PLATE,
  PERSISTER_INDUCTION,
  DRUG_HOLIDAY,
  PDX_TREATMENT,
  BARCODE_TRANSDUCTION,
  SAMPLE_HARVEST,
];

/** A built-in template by id. */
export function builtinTemplate(id: string): TemplateDefinition | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
