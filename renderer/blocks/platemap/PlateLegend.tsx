import type { JSX } from 'react';
import type { PlateMapValue } from '../../../shared/templates/block';
import { formatNumber, formatUnit } from '../../../shared/units';
import { countRoles } from './plate-edits';
import { ROLES, sampleFill } from './roles';

/** What each colour and letter means, with how many wells have it. */
export function PlateLegend({ plate }: { plate: PlateMapValue }): JSX.Element {
  const counts = countRoles(plate);
  const filled = counts.sample + counts.vehicle + counts.blank + counts.kill + counts.time0;
  const empty = plate.format - filled;
  const series = plate.series;
  return (
    <div className="plate-legend" aria-label="Plate legend">
      <ul>
        {ROLES.map((r) => {
          const count = r.role === 'empty' ? empty : counts[r.role];
          const look = r.role === 'sample' ? sampleFill(0, 2) : { fill: r.fill, ink: r.ink };
          return (
            <li key={r.role}>
              <span
                className={`well-dot legend-dot${r.role === 'empty' ? ' legend-empty' : ''}`}
                style={{ background: look.fill, color: look.ink }}
                aria-hidden="true"
              >
                {r.role === 'sample' ? '1' : r.letter}
              </span>
              <span>{r.label}</span>
              <span className="legend-count">{count}</span>
            </li>
          );
        })}
      </ul>
      {series && (
        <p className="plate-legend-note">
          Numbers in sample wells are doses: 1 = {formatNumber(series.top.value)} {formatUnit(series.top.unit)}, each
          next dose 1:
          {formatNumber(series.factor)} lower ({series.doses} doses).
        </p>
      )}
    </div>
  );
}
