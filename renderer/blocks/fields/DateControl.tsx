import type { JSX } from 'react';
import type { FieldDefinition } from '../../../shared/templates/definition';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { type ControlProps, inputAttributes } from './control-props';
import { useDraft } from './use-draft';

type DateField = Extract<FieldDefinition, { type: 'date' | 'datetime' }>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A date (YYYY-MM-DD) or a local date and time, with the browser's own
 * picker; typing digits works too. A stored value the picker cannot show
 * (text from a paste or an import) is shown beside it and kept until changed.
 */
export function DateControl(props: ControlProps<DateField>): JSX.Element {
  const { field, value } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const stored = typeof value === 'string' ? value : '';
  const shape = field.type === 'date' ? DATE : DATETIME;
  const fits = stored === '' || shape.test(stored);
  const width = field.type === 'date' ? 10 : 16;
  const toText = (v: unknown) => (typeof v === 'string' && shape.test(v) ? v.slice(0, width) : '');
  const [text, setText] = useDraft(value, toText, (t) => (t === '' ? undefined : t));
  return (
    <span className="pb-date">
      <input
        {...inputAttributes(props, 'pb-input-date')}
        type={field.type === 'date' ? 'date' : 'datetime-local'}
        value={text}
        readOnly={readOnly}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          // A half-typed date reads as "" with badInput: keep the stored date until it is complete.
          if (next !== '') set(next);
          else if (!event.target.validity.badInput) set(undefined);
        }}
      />
      {!fits && <span className="pb-hint">Stored as “{stored}”</span>}
      {value !== undefined && typeof value !== 'string' && (
        <span className="pb-hint">Stored as “{JSON.stringify(value)}”</span>
      )}
    </span>
  );
}
