import type { JSX } from 'react';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { PROTOCOL_BLOCK } from '../../shared/templates/block';
import type { FieldDefinition, TemplateDefinition } from '../../shared/templates/definition';
import type { BlockEvaluation, Problem } from '../../shared/templates/evaluation';
import { blockLabel } from '../../shared/templates/label';
import { formatValue } from '../blocks/fields/format-value';
import { evaluateForPrint } from './evaluate';
import { PrintCharts } from './PrintCharts';
import { PrintPlateMap } from './PrintPlateMap';
import { PrintTable } from './PrintTable';
import { ProblemList } from './ProblemList';
import { PrintComputed, PrintValue } from './PrintValue';
import type { PrintContext } from './print-context';

type Values = Record<string, unknown>;

function FieldRows({
  fields,
  values,
  evaluation,
  problemsOf,
  ctx,
}: {
  fields: FieldDefinition[];
  values: Values;
  evaluation: BlockEvaluation;
  problemsOf: (fieldId: string) => Problem[];
  ctx: PrintContext;
}): JSX.Element | null {
  if (fields.length === 0) return null;
  return (
    <table className="pr-fields">
      <tbody>
        {fields.map((field) => (
          <tr key={field.id} data-field={field.id}>
            <th scope="row">{field.label}</th>
            <td>
              {field.type === 'computed' ? (
                <PrintComputed computed={evaluation.computed[field.id]} />
              ) : (
                <PrintValue field={field} value={values[field.id]} ctx={ctx} />
              )}
              <ProblemList problems={problemsOf(field.id)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReadyBlock({
  template,
  values,
  blockId,
  ctx,
}: {
  template: TemplateDefinition;
  values: Values;
  blockId: string;
  ctx: PrintContext;
}): JSX.Element {
  const evaluation = evaluateForPrint(template, values, ctx.env);
  const known = new Set(template.groups.flatMap((g) => g.fields.map((f) => f.id)));
  const problemsOf = (fieldId: string) => evaluation.problems.filter((p) => p.fieldId === fieldId);
  const blockLevel = evaluation.problems.filter((p) => p.fieldId === null || !known.has(p.fieldId));
  let label = template.name;
  try {
    label = blockLabel(template, values, evaluation);
  } catch {
    // The template's name is a fine heading when the label cannot be built.
  }
  return (
    <section className="pr-block" data-block-id={blockId} data-template={`${template.id}@${template.version}`}>
      <header className="pr-block-head">
        <span className="pr-block-code">{template.code ?? template.id}</span>
        <span className="pr-block-title">{label}</span>
        <span className="pr-block-meta">
          {template.name}, template version {template.version} · block {blockId}
        </span>
      </header>
      <ProblemList problems={blockLevel} />
      {template.groups.map((group) => {
        const simple = group.fields.filter((f) => f.type !== 'table' && f.type !== 'platemap');
        return (
          <div key={group.id} className="pr-group">
            <h4 className="pr-group-title">{group.label}</h4>
            <FieldRows fields={simple} values={values} evaluation={evaluation} problemsOf={problemsOf} ctx={ctx} />
            {group.fields.map((field) =>
              field.type === 'table' ? (
                <PrintTable
                  key={field.id}
                  field={field}
                  values={values}
                  evaluation={evaluation}
                  problems={problemsOf(field.id)}
                  ctx={ctx}
                />
              ) : field.type === 'platemap' ? (
                <PrintPlateMap key={field.id} label={field.label} value={values[field.id]} />
              ) : null,
            )}
          </div>
        );
      })}
      <PrintCharts template={template} values={values} evaluation={evaluation} />
    </section>
  );
}

/** A stored block whose template version is not in the print model: its values, read plainly. */
function UnavailableBlock({ node, reason }: { node: LexicalNodeJson; reason: string }): JSX.Element {
  const values = typeof node.values === 'object' && node.values !== null ? (node.values as Values) : {};
  return (
    <section className="pr-block pr-block-unavailable">
      <header className="pr-block-head">
        <span className="pr-block-title">Protocol block</span>
        <span className="pr-block-meta">{reason}</span>
      </header>
      <table className="pr-fields">
        <tbody>
          {Object.entries(values).map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{formatValue(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One protocol-block node of the content, printed as tables with its computed values and charts. */
export function PrintBlock({ node, ctx }: { node: LexicalNodeJson; ctx: PrintContext }): JSX.Element {
  const parsed = PROTOCOL_BLOCK.safeParse(node);
  if (!parsed.success) return <UnavailableBlock node={node} reason="This block is not valid and is shown as stored." />;
  const { templateId, templateVersion, values, blockId } = parsed.data;
  const template = ctx.template(templateId, templateVersion);
  if (!template) {
    return (
      <UnavailableBlock node={node} reason={`Template ${templateId} version ${templateVersion} is not installed.`} />
    );
  }
  return <ReadyBlock template={template} values={values} blockId={blockId} ctx={ctx} />;
}
