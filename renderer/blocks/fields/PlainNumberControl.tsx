import type { JSX } from 'react';
import type { DecimalFieldDefinition, IntegerFieldDefinition } from '../../../shared/templates/definition';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import { type ControlProps, inputAttributes } from './control-props';
import { useDraft } from './use-draft';
import { integerToText, MAX_RAW, readDecimalText, readIntegerText } from './value-text';

/**
 * A number without a unit of measure: whole (passage, replicates, doses) or
 * decimal (a dilution factor, a multiple of IC50). Other text is kept as
 * typed and reported.
 */
export function PlainNumberControl(props: ControlProps<IntegerFieldDefinition | DecimalFieldDefinition>): JSX.Element {
  const { field } = props;
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(field.id);
  const read = field.type === 'integer' ? readIntegerText : readDecimalText;
  const [text, setText] = useDraft(props.value, integerToText, read);
  return (
    <span className="pb-number">
      <input
        {...inputAttributes(props, 'pb-input-number')}
        type="text"
        inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
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
      {field.suffix && <span className="pb-unit">{field.suffix}</span>}
    </span>
  );
}
