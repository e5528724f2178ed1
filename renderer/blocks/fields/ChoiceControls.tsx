import type { JSX } from 'react';
import type { FieldDefinition } from '../../../shared/templates/definition';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { type ControlProps, inputAttributes } from './control-props';

type EnumField = Extract<FieldDefinition, { type: 'enum' }>;
type MultiEnumField = Extract<FieldDefinition, { type: 'multienum' }>;
type BooleanField = Extract<FieldDefinition, { type: 'boolean' }>;

const NOT_OFFERED = ' (not an option)';

/** One of a list. A stored value that is not offered (any more) stays selected and visible. */
export function EnumControl(props: ControlProps<EnumField>): JSX.Element {
  const { field, value } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const current = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const offered = field.options.some((o) => o.value === current);
  return (
    <select
      {...inputAttributes(props, 'pb-select')}
      value={current}
      disabled={readOnly}
      onChange={(event) => set(event.target.value === '' ? undefined : event.target.value)}
    >
      <option value="">{field.required ? 'Choose…' : '—'}</option>
      {field.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label ?? o.value}
        </option>
      ))}
      {!offered && current !== '' && <option value={current}>{`${current}${NOT_OFFERED}`}</option>}
    </select>
  );
}

/** Several of a list, as checkboxes. */
export function MultiEnumControl(props: ControlProps<MultiEnumField>): JSX.Element {
  const { field, value, labelId, describedBy } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const chosen = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  const extra = chosen.filter((c) => !field.options.some((o) => o.value === c));
  const options = [...field.options, ...extra.map((v) => ({ value: v, label: `${v}${NOT_OFFERED}` }))];
  const toggle = (option: string, on: boolean) =>
    set((stored: unknown) => {
      const list = Array.isArray(stored) ? stored.map(String) : [];
      const next = on ? [...list.filter((v) => v !== option), option] : list.filter((v) => v !== option);
      // Keep the template's order, so the stored list does not depend on click order.
      const order = field.options.map((o) => o.value);
      next.sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
      return next.length ? next : undefined;
    });
  return (
    <div className="pb-checks" role="group" aria-labelledby={labelId} aria-describedby={describedBy}>
      {options.map((o) => (
        <label key={o.value} className="pb-check">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            disabled={readOnly}
            onChange={(event) => toggle(o.value, event.target.checked)}
          />
          <span>{o.label ?? o.value}</span>
        </label>
      ))}
    </div>
  );
}

/** Yes or no. A stored value that is neither (pasted text) is shown beside the box. */
export function BooleanControl(props: ControlProps<BooleanField>): JSX.Element {
  const { field, value } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  return (
    <span className="pb-boolean">
      <input
        {...inputAttributes(props, 'pb-checkbox')}
        type="checkbox"
        checked={value === true}
        disabled={readOnly}
        onChange={(event) => set(event.target.checked)}
      />
      {value !== undefined && typeof value !== 'boolean' && (
        <span className="pb-hint">Stored as “{String(value)}”</span>
      )}
    </span>
  );
}
