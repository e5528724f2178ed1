import { type JSX, memo } from 'react';
import type { TableRow } from '../../../shared/templates/block';
import type { ColumnDefinition } from '../../../shared/templates/definition';
import type { ComputedValue, Problem } from '../../../shared/templates/evaluation';
import { Icon } from '../../ui/icons';
import { ComputedOutput } from '../fields/ComputedOutput';
import { sameProblems } from '../view/evaluation';
import { severityOf } from '../view/ProblemMessages';
import { isEditableColumn } from './cell-values';
import { ImageCell } from './ImageCell';
import { TableCell } from './TableCell';

export interface RowProps {
  row: TableRow;
  index: number;
  columns: readonly ColumnDefinition[];
  computed: Record<string, ComputedValue> | undefined;
  /** This row's problems (cells and the row as a whole). */
  problems: readonly Problem[] | undefined;
  /** Id of the table's message list, for cells with a problem. */
  messagesId: string;
  readOnly: boolean;
  onCell: (rowId: string, columnId: string, value: unknown) => void;
  onRemove: (rowId: string) => void;
}

function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.row === b.row &&
    a.index === b.index &&
    a.columns === b.columns &&
    a.readOnly === b.readOnly &&
    a.onCell === b.onCell &&
    JSON.stringify(a.computed ?? null) === JSON.stringify(b.computed ?? null) &&
    sameProblems(a.problems, b.problems)
  );
}

/** One table row; rendered again only when its cells, results or problems change. */
export const TableRowView = memo(function TableRowView(props: RowProps): JSX.Element {
  const { row, index, columns, computed, problems, messagesId, readOnly, onCell, onRemove } = props;
  const rowSeverity = severityOf(problems?.filter((p) => !p.columnId));
  let typed = 0;
  return (
    <tr className={rowSeverity ? `pb-row-${rowSeverity}` : undefined} data-row-id={row.rowId}>
      <th scope="row" className="pb-row-number">
        {index + 1}
      </th>
      {columns.map((column) => {
        const cellProblems = problems?.filter((p) => p.columnId === column.id);
        const severity = severityOf(cellProblems);
        const label = `${column.label}, row ${index + 1}`;
        if (!isEditableColumn(column)) {
          return (
            <td key={column.id} className={`pb-cell pb-cell-computed${severity ? ` pb-cell-${severity}` : ''}`}>
              {column.type === 'computed' ? (
                <ComputedOutput computed={computed?.[column.id]} compact />
              ) : column.type === 'image' ? (
                <ImageCell
                  value={row[column.id]}
                  rowId={row.rowId}
                  columnId={column.id}
                  label={label}
                  readOnly={readOnly}
                  onChange={onCell}
                />
              ) : (
                <span className="pb-hint">–</span>
              )}
            </td>
          );
        }
        const position = `${index}:${typed}`;
        typed += 1;
        return (
          <td
            key={column.id}
            className={`pb-cell${severity ? ` pb-cell-${severity}` : ''}`}
            title={cellProblems?.map((p) => p.message).join('\n') || undefined}
          >
            <TableCell
              column={column}
              value={row[column.id]}
              rowId={row.rowId}
              position={position}
              label={label}
              severity={severity}
              describedBy={severity ? messagesId : undefined}
              readOnly={readOnly}
              onChange={onCell}
            />
          </td>
        );
      })}
      <td className="pb-row-actions">
        {!readOnly && (
          <button
            type="button"
            className="icon-button icon-button-small"
            tabIndex={-1}
            aria-label={`Remove row ${index + 1}`}
            title="Remove row (Ctrl+Shift+Backspace)"
            onClick={() => onRemove(row.rowId)}
          >
            <Icon name="close" size={13} />
          </button>
        )}
      </td>
    </tr>
  );
}, sameRow);
