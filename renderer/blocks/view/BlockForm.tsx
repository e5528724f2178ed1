import { type JSX, memo } from 'react';
import type { BlockValues } from '../../../shared/templates/block';
import type { FieldDefinition, TemplateDefinition } from '../../../shared/templates/definition';
import type { BlockEvaluation } from '../../../shared/templates/evaluation';
import { FieldRow } from '../fields/FieldRow';
import type { ProblemIndex } from './evaluation';

interface Props {
  template: TemplateDefinition;
  values: BlockValues;
  evaluation: BlockEvaluation;
  index: ProblemIndex;
}

/** 96 or 384: fixed by the field, or read from the enum field it names. */
function plateFormat(field: FieldDefinition, values: BlockValues): 96 | 384 {
  if (field.type !== 'platemap') return 96;
  const format = typeof field.format === 'number' ? field.format : Number(values[field.format]);
  return format === 384 ? 384 : 96;
}

/** The template's groups as fieldsets, each field with its value, result and problems. */
export const BlockForm = memo(function BlockForm({ template, values, evaluation, index }: Props): JSX.Element {
  return (
    <div className="pb-form">
      {template.groups.map((group) => (
        <fieldset key={group.id} className="pb-group">
          <legend className="pb-group-title">{group.label}</legend>
          {group.help && <p className="pb-group-help">{group.help}</p>}
          <div className="pb-fields">
            {group.fields.map((field) => (
              <FieldRow
                key={field.id}
                field={field}
                value={values[field.id]}
                problems={index.byField.get(field.id)}
                computed={field.type === 'computed' ? evaluation.computed[field.id] : undefined}
                rows={field.type === 'table' ? evaluation.rows[field.id] : undefined}
                cellProblems={field.type === 'table' ? index.byCell : undefined}
                plateFormat={field.type === 'platemap' ? plateFormat(field, values) : undefined}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
});
