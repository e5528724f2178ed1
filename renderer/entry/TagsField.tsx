import { type JSX, useState } from 'react';
import { Icon } from '../ui/icons';

interface Props {
  initial: string[];
  readOnly: boolean;
  onChange: (tags: string[]) => void;
}

/** Splits typed text into tags: commas separate, blanks and duplicates are dropped. */
function addTags(current: string[], typed: string): string[] {
  const seen = new Set(current.map((t) => t.toLowerCase()));
  const next = [...current];
  for (const raw of typed.split(',')) {
    const tag = raw
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 64);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      next.push(tag);
    }
  }
  return next;
}

/** Tags as removable chips plus a field to add more (Enter or comma). */
export function TagsField({ initial, readOnly, onChange }: Props): JSX.Element {
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState('');

  const commit = (next: string[]) => {
    setTags(next);
    onChange(next);
  };

  const addDraft = () => {
    if (draft.trim() === '') return;
    commit(addTags(tags, draft));
    setDraft('');
  };

  return (
    <div className="tags-field">
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            <span>{tag}</span>
            {!readOnly && (
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => commit(tags.filter((t) => t !== tag))}
              >
                <Icon name="close" size={12} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <input
          className="tag-input"
          aria-label="Add tag"
          placeholder={tags.length ? 'Add tag' : 'Add tags, e.g. cisplatin, H69'}
          value={draft}
          onChange={(event) => {
            const value = event.target.value;
            if (value.includes(',')) {
              commit(addTags(tags, value));
              setDraft('');
            } else setDraft(value);
          }}
          onBlur={addDraft}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addDraft();
            } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
              commit(tags.slice(0, -1));
            }
          }}
        />
      )}
    </div>
  );
}
