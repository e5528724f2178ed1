import { type JSX, useCallback, useState } from 'react';
import type { WellRole } from '../../../shared/templates/block';
import type { FieldDefinition } from '../../../shared/templates/definition';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { onPlate, type PlateFormat } from './plate-geometry';
import {
  assignRole,
  assignSeries,
  clearReadings,
  countReadings,
  plateOf,
  setReadings,
  type Series,
  type SeriesDirection,
} from './plate-edits';
import { PlateGrid } from './PlateGrid';
import { PlateLegend } from './PlateLegend';
import { ReadingsPanel } from './ReadingsPanel';
import { ROLES } from './roles';
import { SeriesForm } from './SeriesForm';
import { useWellSelection } from './use-well-selection';

type PlateMapDefinition = Extract<FieldDefinition, { type: 'platemap' }>;

interface Props {
  field: PlateMapDefinition;
  value: unknown;
  labelId: string;
  describedBy: string | undefined;
  format: PlateFormat;
}

/**
 * The plate map editor: select wells (click, drag, headers, keyboard), give
 * them a role, or fill them with a dilution series. Colour, a letter or dose
 * number in each well, and a legend with counts make it readable at a glance.
 */
export function PlateMapField({ field, value, labelId, describedBy, format }: Props): JSX.Element {
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const plate = plateOf(value, format);
  const selection = useWellSelection(format);
  const selected = [...selection.selected];
  const offPlate = Object.keys(plate.wells).filter((id) => !onPlate(format, id)).length;
  const readings = countReadings(plate);
  const [showReadings, setShowReadings] = useState(false);

  const applyRole = useCallback(
    (role: WellRole) => {
      const wells = [...selection.selected];
      if (wells.length === 0) return;
      set((stored: unknown) => assignRole(plateOf(stored, format), wells, role), `plate-${role}`);
    },
    [selection.selected, set, format],
  );
  const applySeries = (series: Series, direction: SeriesDirection) =>
    set((stored: unknown) => assignSeries(plateOf(stored, format), selected, series, direction));
  const onRoleKey = (key: string) => {
    const role = ROLES.find(
      (r) => r.key === key.toLowerCase() || (r.role === 'empty' && (key === 'Delete' || key === 'Backspace')),
    );
    if (!role) return false;
    applyRole(role.role);
    return true;
  };

  return (
    <div className="plate-editor" aria-labelledby={labelId} aria-describedby={describedBy} role="group">
      {!readOnly && (
        <div className="plate-tools" role="toolbar" aria-label="Assign role to selected wells">
          <span className="plate-tools-label">{selected.length} selected</span>
          {ROLES.map((r) => (
            <button
              key={r.role}
              type="button"
              className="button button-small plate-role-button"
              disabled={selected.length === 0}
              title={`${r.label} (key ${r.key.toUpperCase()})`}
              onClick={() => applyRole(r.role)}
            >
              <span
                className={`well-dot legend-dot${r.role === 'empty' ? ' legend-empty' : ''}`}
                style={{ background: r.fill, color: r.ink }}
                aria-hidden="true"
              >
                {r.letter}
              </span>
              {r.label}
            </button>
          ))}
          <button type="button" className="link-button" onClick={selection.clear} disabled={selected.length === 0}>
            Clear selection
          </button>
        </div>
      )}
      <div className="plate-main">
        <PlateGrid
          plate={plate}
          selection={selection}
          readOnly={readOnly}
          label={`${field.label}, ${format} wells`}
          onRoleKey={onRoleKey}
          showReadings={showReadings && readings > 0}
        />
        <PlateLegend plate={plate} />
      </div>
      {offPlate > 0 && (
        <p className="pb-hint">
          {offPlate} assigned well{offPlate === 1 ? ' lies' : 's lie'} outside a {format}-well plate; they are kept.
        </p>
      )}
      <ReadingsPanel
        format={format}
        count={readings}
        readOnly={readOnly}
        showReadings={showReadings && readings > 0}
        onShowReadings={setShowReadings}
        onApply={(next) => set((stored: unknown) => setReadings(plateOf(stored, format), next))}
        onClear={() => set((stored: unknown) => clearReadings(plateOf(stored, format)))}
      />
      {!readOnly && (
        <SeriesForm series={plate.series} disabled={readOnly} selectedCount={selected.length} onApply={applySeries} />
      )}
    </div>
  );
}
