import type { JSX } from 'react';
import { PlateMapField } from '../platemap/PlateMapField';
import { TableField } from '../table/TableField';
import { BooleanControl, EnumControl, MultiEnumControl } from './ChoiceControls';
import { ComputedOutput } from './ComputedOutput';
import type { ControlProps } from './control-props';
import { DateControl } from './DateControl';
import type { FieldRowProps } from './FieldRow';
import { ImageControl } from './ImageControl';
import { LinkControl } from './LinkControl';
import { NumberControl } from './NumberControl';
import { PlainNumberControl } from './PlainNumberControl';
import { TextControl } from './TextControls';

type Props = FieldRowProps & Omit<ControlProps, 'field' | 'value'>;

/** The control for a field's type. */
export function FieldControl(props: Props): JSX.Element {
  const { field, value, controlId, labelId, describedBy, severity } = props;
  const base = { value, controlId, labelId, describedBy, severity };
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'identifier':
      return <TextControl {...base} field={field} />;
    case 'number':
      return <NumberControl {...base} field={field} />;
    case 'integer':
    case 'decimal':
      return <PlainNumberControl {...base} field={field} />;
    case 'enum':
      return <EnumControl {...base} field={field} />;
    case 'multienum':
      return <MultiEnumControl {...base} field={field} />;
    case 'boolean':
      return <BooleanControl {...base} field={field} />;
    case 'date':
    case 'datetime':
      return <DateControl {...base} field={field} />;
    case 'link':
      return <LinkControl {...base} field={field} />;
    case 'computed':
      return <ComputedOutput id={controlId} computed={props.computed} describedBy={describedBy} />;
    case 'image':
      return <ImageControl {...base} field={field} />;
    case 'table':
      return (
        <TableField
          field={field}
          value={value}
          labelId={labelId}
          describedBy={describedBy}
          rows={props.rows}
          cellProblems={props.cellProblems}
        />
      );
    case 'platemap':
      return (
        <PlateMapField
          field={field}
          value={value}
          labelId={labelId}
          describedBy={describedBy}
          format={props.plateFormat ?? 96}
        />
      );
  }
}
