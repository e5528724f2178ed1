import { deepActiveElement } from '../node/block-shadow-root';
import { type JSX, type KeyboardEvent, useEffect, useRef } from 'react';
import type { PlateMapValue, WellValue } from '../../../shared/templates/block';
import { formatNumber, formatUnit } from '../../../shared/units';
import { plateSize, rowLetter, wellId } from './plate-geometry';
import { roleStyle, sampleFill } from './roles';
import type { useWellSelection } from './use-well-selection';

interface Props {
  plate: PlateMapValue;
  selection: ReturnType<typeof useWellSelection>;
  readOnly: boolean;
  label: string;
  /** Role shortcut keys on the grid (s, v, b, k, t, e). */
  onRoleKey: (key: string) => boolean;
  /** Show each well's reading (compact) instead of its role letter or dose. */
  showReadings: boolean;
}

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 2 });

function describe(id: string, well: WellValue | undefined): string {
  if (!well || well.role === 'empty') {
    return well?.reading !== undefined ? `${id}: empty, reading ${formatNumber(well.reading)}` : `${id}: empty`;
  }
  const style = roleStyle(well.role);
  const dose = well.dose !== undefined ? `, dose ${well.dose + 1}` : '';
  const conc = well.concentration
    ? ` (${formatNumber(well.concentration.value)} ${formatUnit(well.concentration.unit)})`
    : '';
  const reading = well.reading !== undefined ? `, reading ${formatNumber(well.reading)}` : '';
  return `${id}: ${style.label.toLowerCase()}${dose}${conc}${reading}`;
}

function wellLook(well: WellValue | undefined, doses: number, showReadings: boolean) {
  const look = roleLook(well, doses);
  if (!showReadings) return look;
  return { ...look, text: well?.reading !== undefined ? COMPACT.format(well.reading) : '' };
}

function roleLook(well: WellValue | undefined, doses: number) {
  if (!well || well.role === 'empty') return { fill: undefined, ink: undefined, text: '' };
  if (well.role === 'sample') {
    const { fill, ink } = sampleFill(well.dose, doses);
    return { fill, ink, text: well.dose !== undefined ? String(well.dose + 1) : 'S' };
  }
  const style = roleStyle(well.role);
  return { fill: style.fill, ink: style.ink, text: style.letter };
}

/** The plate as a grid of wells: colour and a letter (or dose number) in each, headers to select rows and columns. */
export function PlateGrid({ plate, selection, readOnly, label, onRoleKey, showReadings }: Props): JSX.Element {
  const { rows, columns } = plateSize(plate.format);
  const grid = useRef<HTMLTableElement>(null);
  const doses = plate.series?.doses ?? Math.max(1, ...Object.values(plate.wells).map((w) => (w?.dose ?? 0) + 1));
  const { selected, focus } = selection;

  // Arrow keys move the focus state; the DOM focus follows while it is inside the grid.
  useEffect(() => {
    const table = grid.current;
    if (!table || !table.contains(deepActiveElement())) return;
    table.querySelector<HTMLElement>(`[data-well="${focus}"]`)?.focus();
  }, [focus]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!(event.target as HTMLElement).dataset.well) return;
    if (selection.onWellKey(event) || (!readOnly && !event.ctrlKey && !event.metaKey && onRoleKey(event.key))) {
      event.preventDefault();
    }
  };

  return (
    <table
      ref={grid}
      className={`plate plate-${plate.format}${showReadings ? ' plate-show-readings' : ''}`}
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          <th>
            <button
              type="button"
              className="plate-head"
              tabIndex={-1}
              aria-label="Select all wells"
              onClick={selection.selectAll}
            >
              ◢
            </button>
          </th>
          {Array.from({ length: columns }, (_, c) => (
            <th key={c} scope="col">
              <button
                type="button"
                className="plate-head"
                tabIndex={-1}
                aria-label={`Select column ${c + 1}`}
                onClick={(e) => selection.selectColumn(c, e.shiftKey || e.ctrlKey || e.metaKey)}
              >
                {c + 1}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th scope="row">
              <button
                type="button"
                className="plate-head"
                tabIndex={-1}
                aria-label={`Select row ${rowLetter(r)}`}
                onClick={(e) => selection.selectRow(r, e.shiftKey || e.ctrlKey || e.metaKey)}
              >
                {rowLetter(r)}
              </button>
            </th>
            {Array.from({ length: columns }, (_, c) => {
              const id = wellId(r, c);
              const well = plate.wells[id];
              const look = wellLook(well, doses, showReadings);
              const isSelected = selected.has(id);
              return (
                <td
                  key={id}
                  role="gridcell"
                  data-well={id}
                  tabIndex={id === focus ? 0 : -1}
                  aria-selected={isSelected}
                  aria-label={describe(id, well)}
                  className={`well${isSelected ? ' well-selected' : ''}${!well || well.role === 'empty' ? ' well-empty' : ''}`}
                  onPointerDown={(e) => {
                    if (e.button !== 0) return;
                    e.preventDefault();
                    (e.currentTarget as HTMLElement).focus();
                    selection.onWellPointerDown(id, e);
                  }}
                  onPointerEnter={() => selection.onWellPointerEnter(id)}
                >
                  <span className="well-dot" style={look.fill ? { background: look.fill, color: look.ink } : undefined}>
                    {look.text}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
