import type { JSX } from 'react';
import type { BlockValues } from '../../../shared/templates/block';
import { retryTemplate, type TemplateLoad } from '../templates/template-store';
import { formatValue } from '../fields/format-value';

interface Props {
  load: Exclude<TemplateLoad, { status: 'ready' }>;
  templateId: string;
  templateVersion: number;
  values: BlockValues;
}

/**
 * A block whose template is loading or cannot be loaded. Its values are
 * still shown (read-only) and kept untouched in the entry.
 */
export function UnavailableBlock({ load, templateId, templateVersion, values }: Props): JSX.Element {
  if (load.status === 'loading') {
    return (
      <header className="pb-header pb-header-loading" aria-busy="true">
        <span className="pb-name">Loading template {templateId}…</span>
      </header>
    );
  }
  const entries = Object.entries(values);
  return (
    <>
      <header className="pb-header">
        <span className="pb-name">
          Template {templateId} (version {templateVersion})
        </span>
      </header>
      <div className="pb-unavailable" role="alert">
        <p>This block&apos;s template could not be loaded: {load.message}. Its values are kept and shown below.</p>
        <button
          type="button"
          className="button button-small"
          onClick={() => retryTemplate(templateId, templateVersion)}
        >
          Try again
        </button>
      </div>
      {entries.length > 0 && (
        <dl className="pb-raw-values">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{formatValue(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
