import type { JSX } from 'react';
import type { ColumnDefinition, FieldDefinition } from '../../shared/templates/definition';
import type { ComputedValue } from '../../shared/templates/evaluation';
import { IMAGE_VALUE } from '../../shared/templates/block';
import { printedValue } from './field-text';
import type { PrintContext } from './print-context';
import { Sci } from './Sci';

/** A computed value with its flags ("above target", "low confidence"), or why there is none. */
export function PrintComputed({ computed }: { computed: ComputedValue | undefined }): JSX.Element {
  if (!computed) return <span className="pr-empty">–</span>;
  if (!computed.ok) {
    return (
      <span className={computed.missing ? 'pr-empty' : 'pr-computed-error'}>
        {computed.missing ? '–' : computed.message}
      </span>
    );
  }
  return (
    <span className="pr-computed">
      <Sci text={computed.display} />
      {computed.flags?.map((flag) => (
        <span key={flag} className="pr-flag">
          {flag}
        </span>
      ))}
    </span>
  );
}

/** An image field's picture at the width available, or its name and why the picture is not printed. */
function PrintImageValue({ value, ctx }: { value: unknown; ctx: PrintContext }): JSX.Element {
  const parsed = IMAGE_VALUE.safeParse(value);
  if (!parsed.success) return <span className="pr-empty">–</span>;
  const image = ctx.image(parsed.data.sha256);
  if (!image) {
    return (
      <span className="pr-computed-error">
        {parsed.data.name}: image {parsed.data.sha256.slice(0, 12)} is not in this profile
      </span>
    );
  }
  return (
    <figure className="pr-image">
      <img src={image.dataUrl} alt={parsed.data.name} data-sha256={parsed.data.sha256} />
      <figcaption>{parsed.data.name}</figcaption>
    </figure>
  );
}

/** One stored value of a field or table cell. */
export function PrintValue({
  field,
  value,
  ctx,
}: {
  field: FieldDefinition | ColumnDefinition;
  value: unknown;
  ctx: PrintContext;
}): JSX.Element {
  if (field.type === 'image') return <PrintImageValue value={value} ctx={ctx} />;
  const printed = printedValue(field, value);
  if (printed.invalid) return <span className="pr-invalid">{printed.text} (not valid)</span>;
  const multiline = field.type === 'longtext';
  return (
    <span className={multiline ? 'pr-longtext' : undefined}>
      <Sci text={printed.text} />
    </span>
  );
}
