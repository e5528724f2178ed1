import type { JSX } from 'react';
import { PLATEMAP_VALUE } from '../../shared/templates/block';
import { formatUnit } from '../../shared/units';
import { plainNumberText } from '../blocks/fields/value-text';
import { plateSize, rowLetter, wellId } from '../blocks/platemap/plate-geometry';
import { ROLES, roleStyle } from '../blocks/platemap/roles';

/**
 * A plate map as a grid of wells with the role letter (and dose number) in
 * each, readable without colour, plus the dilution series it came from.
 */
export function PrintPlateMap({ label, value }: { label: string; value: unknown }): JSX.Element {
  const parsed = PLATEMAP_VALUE.safeParse(value);
  if (!parsed.success) {
    return (
      <figure className="pr-table-field">
        <figcaption>{label}</figcaption>
        <p className="pr-empty">No plate layout.</p>
      </figure>
    );
  }
  const plate = parsed.data;
  const { rows, columns } = plateSize(plate.format);
  const series = plate.series;
  return (
    <figure className="pr-table-field pr-plate">
      <figcaption>
        {label}: {plate.format}-well plate, {Object.keys(plate.wells).length} wells assigned
        {series &&
          `; series from ${plainNumberText(series.top.value)} ${formatUnit(series.top.unit)}, ${series.doses} doses, factor ${series.factor}`}
      </figcaption>
      <table className="pr-plate-grid" style={{ fontSize: plate.format === 384 ? '5pt' : '7pt' }}>
        <thead>
          <tr>
            <th />
            {Array.from({ length: columns }, (_, c) => (
              <th key={c}>{c + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th>{rowLetter(r)}</th>
              {Array.from({ length: columns }, (_, c) => {
                const well = plate.wells[wellId(r, c)];
                if (!well || well.role === 'empty') return <td key={c} />;
                const style = roleStyle(well.role);
                const dose = well.role === 'sample' && well.dose !== undefined ? String(well.dose + 1) : '';
                return (
                  <td key={c} style={{ backgroundColor: style.fill, color: style.ink }}>
                    {style.letter}
                    {dose}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pr-legend">
        {ROLES.filter((r) => r.letter !== '')
          .map((r) => `${r.letter} ${r.label}`)
          .join(' · ')}
        ; sample wells carry their dose number (1 = top concentration).
      </p>
    </figure>
  );
}
