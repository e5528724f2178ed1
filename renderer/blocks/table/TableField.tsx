import { type ClipboardEvent, type JSX, type KeyboardEvent, useCallback, useId, useMemo, useRef } from 'react';
import type { ColumnDefinition, TableFieldDefinition } from '../../../shared/templates/definition';
import type { ComputedValue, Problem } from '../../../shared/templates/evaluation';
import { formatUnit } from '../../../shared/units';
import { Icon } from '../../ui/icons';
import { initialRow } from '../engine';
import { newId } from '../node/ids';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { useEvaluationEnv } from '../view/evaluation';
import { ProblemMessages } from '../view/ProblemMessages';
import { isEditableColumn } from './cell-values';
import { addRow, pasteCells, removeRow, rowsOf, setCell } from './rows';
import { focusCell, handleTableKey, positionOf } from './table-keys';
import { TableRowView } from './TableRowView';
import { isMultiCell, parseTsv } from './tsv';

interface Props {
  field: TableFieldDefinition;
  value: unknown;
  labelId: string;
  describedBy: string | undefined;
  rows: Record<string, Record<string, ComputedValue>> | undefined;
  cellProblems: ReadonlyMap<string, readonly Problem[]> | undefined;
}

/** A column's heading: typed numbers name their unit; computed cells show theirs in each cell. */
function headerOf(column: ColumnDefinition): string {
  return column.type === 'number' ? `${column.label} (${formatUnit(column.unit)})` : column.label;
}

/** Problems of this table grouped by row id (cells and whole rows); "" holds those about no row. */
function groupByRow(fieldId: string, cellProblems: ReadonlyMap<string, readonly Problem[]> | undefined) {
  const byRow = new Map<string, Problem[]>();
  const all: Problem[] = [];
  for (const [key, list] of cellProblems ?? []) {
    if (!key.startsWith(`${fieldId}/`)) continue;
    const rowId = key.split('/')[1] ?? '';
    byRow.set(rowId, [...(byRow.get(rowId) ?? []), ...list]);
    all.push(...list);
  }
  return { byRow, all };
}

/**
 * A table with typed columns: Tab and arrows move between cells, Enter in
 * the last row adds one, rows pasted from a spreadsheet fill the cells from
 * the one with the caret, computed columns follow as you type.
 */
export function TableField({
  field,
  value,
  labelId,
  describedBy,
  rows: computedRows,
  cellProblems,
}: Props): JSX.Element {
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const rows = rowsOf(value);
  const table = useRef<HTMLTableElement>(null);
  const messagesId = useId();
  const editable = useMemo(() => field.columns.filter(isEditableColumn), [field.columns]);
  const env = useEvaluationEnv();
  const newRow = () => initialRow(field, { ...env, newId });
  const problems = useMemo(() => groupByRow(field.id, cellProblems), [field.id, cellProblems]);
  const rowNumber = new Map(rows.map((r, i) => [r.rowId, i + 1]));
  const columnLabel = new Map(field.columns.map((c) => [c.id, c.label]));
  const located = problems.all.map((p) => ({
    ...p,
    message: `${p.rowId ? `Row ${rowNumber.get(p.rowId) ?? '?'}` : 'Table'}${p.columnId ? `, ${columnLabel.get(p.columnId) ?? p.columnId}` : ''}: ${p.message}`,
  }));

  const focusLater = (row: number, column: number) =>
    requestAnimationFrame(() => {
      if (table.current) focusCell(table.current, row, column);
    });

  const onCell = useCallback(
    (rowId: string, columnId: string, cell: unknown) =>
      set((stored: unknown) => setCell(stored, rowId, columnId, cell), `${rowId}/${columnId}`),
    [set],
  );
  const onRemove = useCallback((rowId: string) => set((stored: unknown) => removeRow(stored, rowId)), [set]);
  const onAdd = () => {
    const row = newRow();
    set((stored: unknown) => addRow(stored, row));
    focusLater(rows.length, 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!table.current || readOnly) return;
    const action = handleTableKey(table.current, event, rows.length, editable.length);
    if (action.kind === 'none') return;
    event.preventDefault();
    const position = positionOf(event.target as Element);
    if (action.kind === 'add-row') onAdd();
    else if (action.kind === 'remove-row' && position) {
      const row = rows[position[0]];
      if (row) onRemove(row.rowId);
      focusLater(Math.max(0, position[0] - 1), position[1]);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const text = event.clipboardData.getData('text/plain');
    const position = positionOf(event.target as Element);
    if (readOnly || !position || !isMultiCell(text)) return;
    event.preventDefault();
    const startRow = rows[position[0]]?.rowId ?? '';
    const startColumn = editable[position[1]]?.id ?? '';
    const cells = parseTsv(text);
    set((stored: unknown) => pasteCells(stored, field.columns, startRow, startColumn, cells, newRow));
  };

  return (
    <div className="pb-table-wrap">
      <div className="pb-table-scroll">
        <table
          ref={table}
          className="pb-table"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        >
          <thead>
            <tr>
              <th scope="col" className="pb-row-number">
                <span className="visually-hidden">Row</span>#
              </th>
              {field.columns.map((column) => (
                <th key={column.id} scope="col" className={column.type === 'computed' ? 'pb-col-computed' : undefined}>
                  {headerOf(column)}
                  {column.required && (
                    <span className="pb-required" aria-hidden="true">
                      *
                    </span>
                  )}
                </th>
              ))}
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <TableRowView
                key={row.rowId}
                row={row}
                index={index}
                columns={field.columns}
                computed={computedRows?.[row.rowId]}
                problems={problems.byRow.get(row.rowId)}
                messagesId={messagesId}
                readOnly={readOnly}
                onCell={onCell}
                onRemove={onRemove}
              />
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="pb-table-tools">
          <button type="button" className="button button-small" onClick={onAdd}>
            <Icon name="plus" size={13} />
            Add row
          </button>
          <span className="pb-hint">Enter in the last row adds one · paste rows from a spreadsheet</span>
        </div>
      )}
      <ProblemMessages id={messagesId} problems={located} />
    </div>
  );
}
