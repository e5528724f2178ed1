import type { FieldDefinition } from '../../../shared/templates/definition';

/** What every field control gets from its row. */
export interface ControlProps<F extends FieldDefinition = FieldDefinition> {
  field: F;
  value: unknown;
  controlId: string;
  labelId: string;
  describedBy: string | undefined;
  severity: 'block' | 'warning' | undefined;
}

/** Attributes shared by every input: id, description, invalid state and the outline colour. */
export function inputAttributes(props: ControlProps, extraClass = '') {
  return {
    id: props.controlId,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.severity === 'block' ? true : undefined,
    'aria-required': props.field.required ? true : undefined,
    className: `pb-input${props.severity ? ` pb-input-${props.severity}` : ''}${extraClass ? ` ${extraClass}` : ''}`,
  } as const;
}
