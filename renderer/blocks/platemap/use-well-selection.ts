import { useCallback, useEffect, useRef, useState } from 'react';
import {
  allWells,
  columnWells,
  parseWell,
  type PlateFormat,
  plateSize,
  rowWells,
  wellId,
  wellsBetween,
} from './plate-geometry';

/**
 * Which wells are selected on a plate map, and how: click a well, drag a
 * rectangle, Shift+click to extend, Ctrl+click to add or remove one, click a
 * row or column header for the whole row or column; from the keyboard, arrows
 * move, Shift+arrows extend, Space toggles, Ctrl+A selects all.
 */
export function useWellSelection(format: PlateFormat) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState('A1');
  const anchor = useRef('A1');
  const dragging = useRef(false);

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('pointerup', stop);
    return () => window.removeEventListener('pointerup', stop);
  }, []);

  const select = useCallback((wells: Iterable<string>, add = false) => {
    setSelected((current) => new Set(add ? [...current, ...wells] : wells));
  }, []);

  const onWellPointerDown = useCallback(
    (id: string, event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => {
      setFocus(id);
      if (event.shiftKey) {
        select(wellsBetween(anchor.current, id));
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        setSelected((current) => {
          const next = new Set(current);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
        anchor.current = id;
        return;
      }
      anchor.current = id;
      dragging.current = true;
      select([id]);
    },
    [select],
  );

  const onWellPointerEnter = useCallback(
    (id: string) => {
      if (dragging.current) select(wellsBetween(anchor.current, id));
    },
    [select],
  );

  const selectRow = useCallback((row: number, add: boolean) => select(rowWells(format, row), add), [format, select]);
  const selectColumn = useCallback(
    (column: number, add: boolean) => select(columnWells(format, column), add),
    [format, select],
  );
  const selectAll = useCallback(() => select(allWells(format)), [format, select]);
  const clear = useCallback(() => setSelected(new Set()), []);

  /** Arrow keys, Space and Ctrl+A on a focused well; returns true when the key was used. */
  const onWellKey = useCallback(
    (event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean => {
      const here = parseWell(focus);
      if (!here) return false;
      const { rows, columns } = plateSize(format);
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      const move = moves[event.key];
      if (move) {
        const row = Math.min(rows - 1, Math.max(0, here.row + move[0]));
        const column = Math.min(columns - 1, Math.max(0, here.column + move[1]));
        const id = wellId(row, column);
        setFocus(id);
        if (event.shiftKey) select(wellsBetween(anchor.current, id));
        else anchor.current = id;
        return true;
      }
      if (event.key === ' ') {
        setSelected((current) => {
          const next = new Set(current);
          if (next.has(focus)) next.delete(focus);
          else next.add(focus);
          return next;
        });
        anchor.current = focus;
        return true;
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
        selectAll();
        return true;
      }
      if (event.key === 'Escape') {
        clear();
        return true;
      }
      return false;
    },
    [focus, format, select, selectAll, clear],
  );

  return {
    selected,
    focus,
    onWellPointerDown,
    onWellPointerEnter,
    onWellKey,
    selectRow,
    selectColumn,
    selectAll,
    clear,
  };
}
