import { type JSX, memo, useId } from 'react';
import type { FieldDefinition } from '../../../shared/templates/definition';
import type { ComputedValue, Problem } from '../../../shared/templates/evaluation';
import { sameProblems } from '../view/evaluation';
import { ProblemMessages, severityOf } from '../view/ProblemMessages';
import { FieldControl } from './FieldControl';

export interface FieldRowProps {
  field: FieldDefinition;
  value: unknown;
  problems: readonly Problem[] | undefined;
  computed: ComputedValue | undefined;
  /** Tables: computed cells by row and column. */
  rows: Record<string, Record<string, ComputedValue>> | undefined;
  /** Tables: problems by cell (see cellKey). */
  cellProblems: ReadonlyMap<string, readonly Problem[]> | undefined;
  plateFormat: 96 | 384 | undefined;
}

const WIDE = new Set(['table', 'platemap', 'longtext', 'multienum']);

function sameComputed(a: ComputedValue | undefined, b: ComputedValue | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.ok !== b.ok) return false;
  if (a.ok && b.ok) return a.display === b.display && (a.flags ?? []).join() === (b.flags ?? []).join();
  return !a.ok && !b.ok && a.message === b.message;
}

function sameRow(a: FieldRowProps, b: FieldRowProps): boolean {
  return (
    a.field === b.field &&
    a.value === b.value &&
    a.rows === b.rows &&
    a.cellProblems === b.cellProblems &&
    a.plateFormat === b.plateFormat &&
    sameProblems(a.problems, b.problems) &&
    sameComputed(a.computed, b.computed)
  );
}

/**
 * One field: its label, its control, its help and its messages. Memoised so
 * that typing in one field renders that field alone (plus any computed value
 * or message that changed with it).
 */
export const FieldRow = memo(function FieldRow(props: FieldRowProps): JSX.Element {
  const { field, problems } = props;
  const id = useId();
  const controlId = `${id}c`;
  const helpId = field.help ? `${id}h` : undefined;
  const messagesId = problems && problems.length > 0 ? `${id}m` : undefined;
  const describedBy = [helpId, messagesId].filter(Boolean).join(' ') || undefined;
  const severity = severityOf(problems);
  const wide = WIDE.has(field.type);
  const labelled = field.type !== 'multienum' && field.type !== 'table' && field.type !== 'platemap';

  return (
    <div
      className={`pb-field${wide ? ' pb-field-wide' : ''}${severity ? ` pb-field-${severity}` : ''}`}
      data-field={field.id}
    >
      {labelled ? (
        <label className="pb-label" htmlFor={controlId} id={`${id}l`}>
          {field.label}
          {field.required && (
            <span className="pb-required" aria-hidden="true" title="Required">
              *
            </span>
          )}
        </label>
      ) : (
        <span className="pb-label" id={`${id}l`}>
          {field.label}
          {field.required && (
            <span className="pb-required" aria-hidden="true" title="Required">
              *
            </span>
          )}
        </span>
      )}
      <div className="pb-control">
        <FieldControl
          {...props}
          controlId={controlId}
          labelId={`${id}l`}
          describedBy={describedBy}
          severity={severity}
        />
        {field.help && (
          <p className="pb-help" id={helpId}>
            {field.help}
          </p>
        )}
        <ProblemMessages id={messagesId} problems={problems} />
      </div>
    </div>
  );
}, sameRow);
