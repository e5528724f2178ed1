import type { JSX } from 'react';
import type { TemplateSummary } from '../../../shared/templates/summaries';

/** One template in the "/" menu or the picker: its code, name and a line of description. */
export function TemplateOptionView({ template }: { template: TemplateSummary }): JSX.Element {
  return (
    <>
      <span className="tpl-code">{template.code ?? '—'}</span>
      <span className="tpl-text">
        <span className="tpl-name">{template.name}</span>
        <span className="tpl-description">{template.description}</span>
      </span>
    </>
  );
}
