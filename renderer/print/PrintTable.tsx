import type { JSX } from 'react';
import type { TableFieldDefinition } from '../../shared/templates/definition';
import type { BlockEvaluation, Problem } from '../../shared/templates/evaluation';
import { rowsOf } from '../blocks/table/rows';
import { ProblemList } from './ProblemList';
import { PrintComputed, PrintValue } from './PrintValue';
import type { PrintContext } from './print-context';
import { tableFontSize } from './rich-text';

/**
 * A table field as a plain table: one column per template column, every row
 * as stored, computed columns from the block's evaluation. Fixed layout with
 * breaking words and a font that shrinks with the column count, so even a
 * wide table fits the page width and no column is cropped.
 */
export function PrintTable({
  field,
  values,
  evaluation,
  problems,
  ctx,
}: {
  field: TableFieldDefinition;
  values: Record<string, unknown>;
  evaluation: BlockEvaluation;
  problems: readonly Problem[];
  ctx: PrintContext;
}): JSX.Element {
  const rows = rowsOf(values[field.id]);
  const computedRows = evaluation.rows[field.id] ?? {};
  const cellProblems = (rowId: string, columnId: string) =>
    problems.filter((p) => p.rowId === rowId && p.columnId === columnId);
  const rowNumberOf = new Map(rows.map((r, i) => [r.rowId, i + 1]));
  return (
    <figure className="pr-table-field">
      <figcaption>{field.label}</figcaption>
      {rows.length === 0 ? (
        <p className="pr-empty">No rows.</p>
      ) : (
        <table className="pr-data" style={{ fontSize: tableFontSize(field.columns.length + 1) }}>
          <thead>
            <tr>
              <th className="pr-rownum">#</th>
              {field.columns.map((c) => (
                <th key={c.id}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.rowId}>
                <td className="pr-rownum">{i + 1}</td>
                {field.columns.map((column) => {
                  const marked = cellProblems(row.rowId, column.id);
                  const level = marked.some((p) => p.severity === 'block')
                    ? 'block'
                    : marked.length > 0
                      ? 'warning'
                      : '';
                  return (
                    <td key={column.id} className={level ? `pr-cell-${level}` : undefined}>
                      {column.type === 'computed' ? (
                        <PrintComputed computed={computedRows[row.rowId]?.[column.id]} />
                      ) : (
                        <PrintValue field={column} value={row[column.id]} ctx={ctx} />
                      )}
                      {level && <sup className="pr-cell-mark">{level === 'block' ? '!' : '?'}</sup>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemList
        problems={problems.map((p) =>
          p.rowId && rowNumberOf.has(p.rowId) ? { ...p, message: `Row ${rowNumberOf.get(p.rowId)}: ${p.message}` } : p,
        )}
      />
    </figure>
  );
}
