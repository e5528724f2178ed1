import { type JSX, useId, useState } from 'react';
import type { PlateMapValue } from '../../../shared/templates/block';
import { formatNumber, formatUnit, UNIT_FAMILIES } from '../../../shared/units';
import type { Series, SeriesDirection } from './plate-edits';

const DIRECTIONS: Array<{ value: SeriesDirection; label: string }> = [
  { value: 'left-to-right', label: 'Left to right (highest first)' },
  { value: 'right-to-left', label: 'Right to left (highest first)' },
  { value: 'top-to-bottom', label: 'Top to bottom (highest first)' },
  { value: 'bottom-to-top', label: 'Bottom to top (highest first)' },
];

interface Props {
  series: PlateMapValue['series'];
  disabled: boolean;
  selectedCount: number;
  onApply: (series: Series, direction: SeriesDirection) => void;
}

/** A dilution series (top concentration, factor, number of doses, direction) applied to the selected wells. */
export function SeriesForm({ series, disabled, selectedCount, onApply }: Props): JSX.Element {
  const id = useId();
  const [top, setTop] = useState(series ? String(series.top.value) : '100');
  const [unit, setUnit] = useState(series?.top.unit ?? 'µM');
  const [factor, setFactor] = useState(series ? String(series.factor) : '3');
  const [doses, setDoses] = useState(series ? String(series.doses) : '9');
  const [direction, setDirection] = useState<SeriesDirection>('left-to-right');
  const parsed = { top: Number(top), factor: Number(factor), doses: Number(doses) };
  const problem =
    !(parsed.top > 0) || !Number.isFinite(parsed.top)
      ? 'Enter a top concentration above 0.'
      : !(parsed.factor > 1) || !Number.isFinite(parsed.factor)
        ? 'Enter a dilution factor above 1 (3 for 1:3).'
        : !Number.isInteger(parsed.doses) || parsed.doses < 1 || parsed.doses > 24
          ? 'Enter 1 to 24 doses.'
          : null;
  const lowest = problem ? null : parsed.top / parsed.factor ** (parsed.doses - 1);

  return (
    <fieldset className="plate-series" disabled={disabled}>
      <legend>Dilution series</legend>
      <label htmlFor={`${id}t`}>Top</label>
      <span className="pb-number">
        <input
          id={`${id}t`}
          className="pb-input pb-input-number plate-series-input"
          inputMode="decimal"
          value={top}
          onChange={(e) => setTop(e.target.value)}
        />
        <select
          className="pb-unit-select"
          aria-label="Top concentration unit"
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
        >
          {UNIT_FAMILIES.molarConcentration.units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </span>
      <label htmlFor={`${id}f`}>Factor</label>
      <input
        id={`${id}f`}
        className="pb-input plate-series-input"
        inputMode="decimal"
        value={factor}
        onChange={(e) => setFactor(e.target.value)}
      />
      <label htmlFor={`${id}n`}>Doses</label>
      <input
        id={`${id}n`}
        className="pb-input plate-series-input"
        inputMode="numeric"
        value={doses}
        onChange={(e) => setDoses(e.target.value)}
      />
      <label htmlFor={`${id}d`}>Direction</label>
      <select
        id={`${id}d`}
        className="pb-input pb-select"
        value={direction}
        onChange={(e) => setDirection(e.target.value as SeriesDirection)}
      >
        {DIRECTIONS.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        disabled={problem !== null || selectedCount === 0}
        onClick={() =>
          onApply({ top: { value: parsed.top, unit }, factor: parsed.factor, doses: parsed.doses }, direction)
        }
      >
        Apply doses to {selectedCount} selected well{selectedCount === 1 ? '' : 's'}
      </button>
      <p className={`plate-series-note${problem ? ' pb-hint-error' : ''}`}>
        {problem ??
          `${parsed.doses} doses from ${formatNumber(parsed.top)} to ${formatNumber(lowest ?? 0)} ${formatUnit(unit)} (1:${formatNumber(parsed.factor)})`}
      </p>
    </fieldset>
  );
}
