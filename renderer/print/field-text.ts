import type { ColumnDefinition, FieldDefinition } from '../../shared/templates/definition';
import { formatUnit } from '../../shared/units';
import { formatValue } from '../blocks/fields/format-value';
import { integerToText, isNumberValue, isRawValue, numberToText } from '../blocks/fields/value-text';

/**
 * A stored field value as the print shows it: the number exactly as stored
 * (the text the editor's box shows) with its unit, the label of a chosen
 * option, the label of a link. A value that did not parse is printed as
 * typed and marked, never left out.
 */
export interface PrintedValue {
  text: string;
  /** The stored value does not fit the field (a number that did not parse). */
  invalid?: boolean;
}

const EMPTY: PrintedValue = { text: '–' };

function optionLabel(field: { options: ReadonlyArray<{ value: string; label?: string }> }, value: string): string {
  return field.options.find((o) => o.value === value)?.label ?? value;
}

function withSuffix(text: string, suffix: string | undefined): string {
  return suffix ? `${text} ${suffix}` : text;
}

export function printedValue(field: FieldDefinition | ColumnDefinition, value: unknown): PrintedValue {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (isRawValue(value)) return { text: value.raw, invalid: true };
  switch (field.type) {
    case 'number':
      if (isNumberValue(value)) return { text: `${numberToText(value)} ${formatUnit(value.unit)}` };
      break;
    case 'integer':
    case 'decimal':
      if (typeof value === 'number') return { text: withSuffix(integerToText(value), field.suffix) };
      break;
    case 'enum':
      if (typeof value === 'string') return { text: optionLabel(field, value) };
      break;
    case 'multienum':
      if (Array.isArray(value)) {
        const labels = value.filter((v): v is string => typeof v === 'string').map((v) => optionLabel(field, v));
        return labels.length > 0 ? { text: labels.join(', ') } : EMPTY;
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') return { text: value ? 'yes' : 'no' };
      break;
    default:
      break;
  }
  // Text, dates, identifiers, links and anything unexpected: the editor's reading of a stored value.
  return { text: formatValue(value) };
}
