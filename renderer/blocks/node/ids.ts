import { monotonicFactory } from 'ulid';
import type { BlockValues } from '../../../shared/templates/block';

/** ULIDs for blocks and table rows: sortable, and unique even within one millisecond. */
export const newId: () => string = monotonicFactory();

function isRowList(value: unknown): value is Array<{ rowId: string }> {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (row) => typeof row === 'object' && row !== null && typeof (row as { rowId?: unknown }).rowId === 'string',
    )
  );
}

/** A copy of a block's values whose table rows have new ids, for a duplicated block. */
export function withNewRowIds(values: BlockValues): BlockValues {
  const copy: BlockValues = {};
  for (const [key, value] of Object.entries(values)) {
    copy[key] = isRowList(value) ? value.map((row) => ({ ...row, rowId: newId() })) : value;
  }
  return copy;
}
