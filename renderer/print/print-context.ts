import type { PrintImage } from '../../shared/pdf/print-model';
import type { TemplateDefinition } from '../../shared/templates/definition';
import type { EvaluationEnv } from '../../shared/templates/evaluation';

/** What every part of the printed entry can look up: templates by version, images by hash, the evaluation date. */
export interface PrintContext {
  template: (id: string, version: number) => TemplateDefinition | undefined;
  image: (sha256: string) => PrintImage | undefined;
  env: EvaluationEnv;
}
