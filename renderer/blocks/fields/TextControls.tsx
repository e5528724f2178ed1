import type { JSX } from 'react';
import type { FieldDefinition } from '../../../shared/templates/definition';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { type ControlProps, inputAttributes } from './control-props';
import { identifierHint } from './identifier-hints';
import { useDraft } from './use-draft';

type TextField = Extract<FieldDefinition, { type: 'text' | 'longtext' | 'identifier' }>;

const toText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
const read = (text: string) => (text === '' ? undefined : text);

/** Longest text a one-line field keeps, unless the template says otherwise. */
const MAX_TEXT = 10_000;
const MAX_LONGTEXT = 200_000;

/** Text, long text and identifiers: what is typed is stored as typed. */
export function TextControl(props: ControlProps<TextField>): JSX.Element {
  const { field } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const [text, setText] = useDraft(props.value, toText, read);
  const onChange = (next: string) => {
    setText(next);
    set(read(next));
  };

  if (field.type === 'longtext') {
    return (
      <textarea
        {...inputAttributes(props, 'pb-textarea')}
        rows={Math.min(12, Math.max(2, text.split('\n').length))}
        value={text}
        maxLength={MAX_LONGTEXT}
        placeholder={field.placeholder}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const placeholder =
    field.type === 'identifier' ? (field.example ?? identifierHint(field).example) : field.placeholder;
  return (
    <>
      <input
        {...inputAttributes(props, field.type === 'identifier' ? 'pb-input-mono' : '')}
        type="text"
        spellCheck={field.type !== 'identifier'}
        value={text}
        maxLength={field.type === 'text' ? (field.maxLength ?? MAX_TEXT) : MAX_TEXT}
        placeholder={placeholder}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
      />
      {field.type === 'identifier' && <span className="pb-hint">{identifierHint(field).hint}</span>}
    </>
  );
}
