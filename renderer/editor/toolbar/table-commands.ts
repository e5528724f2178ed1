import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  INSERT_TABLE_COMMAND,
} from '@lexical/table';
import type { LexicalEditor } from 'lexical';

/** A 3 × 3 grid whose first row is a header, the usual shape of a counts table. */
export function insertTable(editor: LexicalEditor): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, {
    rows: '3',
    columns: '3',
    includeHeaders: { rows: true, columns: false },
  });
}

export const tableActions = {
  addRow: () => void $insertTableRowAtSelection(true),
  addColumn: () => void $insertTableColumnAtSelection(true),
  deleteRow: () => $deleteTableRowAtSelection(),
  deleteColumn: () => $deleteTableColumnAtSelection(),
};

export function runTableAction(editor: LexicalEditor, action: keyof typeof tableActions): void {
  editor.update(() => tableActions[action]());
}
