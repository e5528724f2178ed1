import { type JSX, useState } from 'react';
import type { NumberFieldDefinition } from '../../../shared/templates/definition';
import { formatUnit, UNIT_FAMILIES } from '../../../shared/units';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { type ControlProps, inputAttributes } from './control-props';
import { useDraft } from './use-draft';
import { formatValue } from './format-value';
import { isNumberValue, isRawValue, MAX_RAW, numberToText, readNumberText } from './value-text';

/** The units offered for a field, plus a stored unit that is not among them (it must stay visible). */
export function unitsOf(field: NumberFieldDefinition, stored?: string): string[] {
  const units = [...(field.units ?? UNIT_FAMILIES[field.family].units)];
  if (!units.includes(field.unit)) units.unshift(field.unit);
  if (stored && !units.includes(stored)) units.push(stored);
  return units;
}

/**
 * A number with its unit. The box keeps exactly what was typed; "15 mM"
 * typed into it is read with its own unit; text that is not a number is kept
 * as typed and reported, never dropped.
 */
export function NumberControl(props: ControlProps<NumberFieldDefinition>): JSX.Element {
  const { field, value } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const storedUnit = isNumberValue(value) ? value.unit : undefined;
  const [picked, setPicked] = useState(field.unit);
  const unit = storedUnit ?? picked;
  const read = (text: string) => readNumberText(text, unit, field.family);
  const [text, setText] = useDraft(value, numberToText, read);
  const units = unitsOf(field, storedUnit);

  return (
    <span className="pb-number">
      <input
        {...inputAttributes(props, 'pb-input-number')}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        maxLength={MAX_RAW}
        placeholder={field.placeholder}
        readOnly={readOnly}
        onChange={(event) => {
          setText(event.target.value);
          set(read(event.target.value));
        }}
      />
      {units.length > 1 ? (
        <select
          className="pb-unit-select"
          aria-label={`${field.label} unit`}
          value={unit}
          disabled={readOnly}
          onChange={(event) => {
            const next = event.target.value;
            setPicked(next);
            set((current: unknown) => (isNumberValue(current) ? { value: current.value, unit: next } : current));
          }}
        >
          {units.map((u) => (
            <option key={u} value={u}>
              {formatUnit(u)}
            </option>
          ))}
        </select>
      ) : (
        <span className="pb-unit">{formatUnit(unit)}</span>
      )}
      {value !== undefined &&
        !isNumberValue(value) &&
        !isRawValue(value) &&
        typeof value !== 'number' &&
        typeof value !== 'string' && <span className="pb-hint pb-stored-as">Stored as “{formatValue(value)}”</span>}
    </span>
  );
}
