import { type JSX, useId, useState } from 'react';
import type { PlateFormat } from './plate-geometry';
import { parsePlateReadings, ReadingsFormatError } from './reader-grid';

interface Props {
  format: PlateFormat;
  count: number;
  readOnly: boolean;
  showReadings: boolean;
  onShowReadings: (show: boolean) => void;
  onApply: (readings: Record<string, number>) => void;
  onClear: () => void;
}

/**
 * The plate's readings: paste the reader's grid (it replaces the previous
 * read), clear them, or show them in the wells instead of the roles.
 */
export function ReadingsPanel({
  format,
  count,
  readOnly,
  showReadings,
  onShowReadings,
  onApply,
  onClear,
}: Props): JSX.Element {
  const id = useId();
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const apply = () => {
    try {
      const parsed = parsePlateReadings(text, format);
      onApply(parsed.readings);
      setPasting(false);
      setText('');
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ReadingsFormatError ? error.message : 'The pasted text could not be read.');
    }
  };

  return (
    <div className="plate-readings" role="group" aria-labelledby={`${id}h`}>
      <span id={`${id}h`} className="plate-readings-label">
        Readings: {count === 0 ? 'none yet' : `${count} well${count === 1 ? '' : 's'}`}
      </span>
      <label className="plate-readings-toggle">
        <input
          type="checkbox"
          checked={showReadings}
          disabled={count === 0}
          onChange={(e) => onShowReadings(e.target.checked)}
        />
        Show readings in wells
      </label>
      {!readOnly && !pasting && (
        <button type="button" className="button button-small" onClick={() => setPasting(true)}>
          Paste readings…
        </button>
      )}
      {!readOnly && count > 0 && !pasting && (
        <button type="button" className="link-button" onClick={onClear}>
          Clear readings
        </button>
      )}
      {pasting && (
        <div className="plate-readings-paste">
          <label htmlFor={`${id}t`}>
            Paste the reader’s grid ({format === 384 ? '16 × 24' : '8 × 12'}, row letters and column numbers optional).
            It replaces the current readings.
          </label>
          <textarea
            id={`${id}t`}
            className="pb-input plate-readings-text"
            rows={format === 384 ? 10 : 6}
            spellCheck={false}
            value={text}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}e` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                apply();
              } else if (e.key === 'Escape') setPasting(false);
            }}
          />
          {problem && (
            <p id={`${id}e`} className="pb-hint pb-hint-error" role="alert">
              {problem}
            </p>
          )}
          <div className="plate-readings-actions">
            <button type="button" className="button button-small" onClick={apply}>
              Apply readings
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setPasting(false);
                setProblem(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
