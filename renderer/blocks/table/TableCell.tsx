import { type JSX, memo } from 'react';
import type { ColumnDefinition } from '../../../shared/templates/definition';
import { LinkPicker } from '../fields/LinkControl';
import { useDraft } from '../fields/use-draft';
import { cellToText, readCellText } from './cell-values';

export interface CellProps {
  column: ColumnDefinition;
  value: unknown;
  rowId: string;
  /** Position among the table's typed cells, for arrow-key movement. */
  position: string;
  label: string;
  severity: 'block' | 'warning' | undefined;
  describedBy: string | undefined;
  readOnly: boolean;
  /** A new cell value, or a function from the stored one (links). */
  onChange: (rowId: string, columnId: string, value: unknown) => void;
}

/** One typed cell: a box for text and numbers, a list for choices, a tick box for yes/no. */
export const TableCell = memo(function TableCell(props: CellProps): JSX.Element {
  const { column, value, rowId, position, label, severity, describedBy, readOnly, onChange } = props;
  const common = {
    'aria-label': label,
    'aria-describedby': describedBy,
    'aria-invalid': severity === 'block' ? true : undefined,
    'data-cell': position,
  } as const;
  const cls = `pb-cell-input${severity ? ` pb-input-${severity}` : ''}`;

  if (column.type === 'enum') {
    const current = typeof value === 'string' ? value : '';
    const offered = column.options.some((o) => o.value === current);
    return (
      <select
        {...common}
        className={`${cls} pb-cell-select`}
        value={current}
        disabled={readOnly}
        onChange={(e) => onChange(rowId, column.id, e.target.value || undefined)}
      >
        <option value="">—</option>
        {column.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label ?? o.value}
          </option>
        ))}
        {!offered && current !== '' && <option value={current}>{`${current} (not an option)`}</option>}
      </select>
    );
  }
  if (column.type === 'link') {
    return (
      <LinkPicker
        field={column}
        value={value}
        describedBy={describedBy}
        severity={severity}
        readOnly={readOnly}
        ariaLabel={label}
        position={position}
        onChange={(update) => onChange(rowId, column.id, update)}
      />
    );
  }
  if (column.type === 'boolean') {
    return (
      <span className="pb-cell-boolean">
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => onChange(rowId, column.id, e.target.checked)}
        />
        {value !== undefined && typeof value !== 'boolean' && <span className="pb-hint">“{String(value)}”</span>}
      </span>
    );
  }
  return <TextCell {...props} common={common} cls={cls} />;
});

function TextCell(props: CellProps & { common: Record<string, unknown>; cls: string }): JSX.Element {
  const { column, value, rowId, readOnly, onChange, common, cls } = props;
  const read = (text: string) => readCellText(column, text);
  const [text, setText] = useDraft(value, (v) => cellToText(column, v), read);
  const numeric = column.type === 'number' || column.type === 'integer' || column.type === 'decimal';
  return (
    <input
      {...common}
      className={`${cls}${numeric ? ' pb-cell-number' : ''}`}
      type={column.type === 'date' ? 'date' : 'text'}
      inputMode={column.type === 'integer' ? 'numeric' : numeric ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={false}
      value={text}
      maxLength={numeric ? 1000 : 10_000}
      readOnly={readOnly}
      onChange={(event) => {
        setText(event.target.value);
        // A half-typed date reads as "" (badInput): keep the stored date until it is complete.
        if (column.type === 'date' && event.target.value === '' && event.target.validity.badInput) return;
        onChange(rowId, column.id, read(event.target.value));
      }}
    />
  );
}
