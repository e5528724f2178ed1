import {
  documentOf,
  heading,
  horizontalRule,
  list,
  paragraph,
  quote,
  table,
  text,
} from '../../shared/domain/lexical-build';
import type { CoreContext } from './context';
import { engine, engineLoaded } from './engine';
import { createEntry } from './entries';
import { createNotebook } from './notebooks';

export const WELCOME_NOTEBOOK = 'Welcome';
export const WELCOME_TITLE = 'Welcome to Persist';

/** The first entry a new profile shows: a tour that is itself a working entry. */
export function welcomeContent() {
  return documentOf(
    heading('h1', 'Welcome to Persist'),
    paragraph(
      'Persist is a lab notebook for ',
      text('drug-tolerant persister', 'bold'),
      ' experiments. It works offline: everything is saved on this computer as you type, and every checkpoint is kept as an append-only, hash-chained revision.',
    ),
    heading('h2', 'Write as you would on paper'),
    list('bullet', [
      [
        'Headings, ',
        text('bold', 'bold'),
        ', ',
        text('italic', 'italic'),
        ', ',
        text('underline', 'underline'),
        ' and ',
        text('strikethrough', 'strikethrough'),
        '.',
      ],
      [
        'Units with sub- and superscript: 1 × 10',
        text('6', 'superscript'),
        ' cells per 25 cm',
        text('2', 'superscript'),
        ' flask, CO',
        text('2', 'subscript'),
        ' at 5 %.',
      ],
      ['Inline code for identifiers such as ', text('CVCL_1579', 'code'), '.'],
      ['Markdown shortcuts: type "# " for a heading, "- " for a list, "[] " for a checklist.'],
    ]),
    heading('h2', 'Today'),
    list('check', [
      { checked: true, parts: ['Thaw NCI-H69 vial (passage 12)'] },
      { checked: false, parts: ['Mycoplasma PCR before seeding'] },
      { checked: false, parts: ['Seed 1e6 cells in a T25 for persister induction'] },
    ]),
    heading('h2', 'Tables for counts'),
    table([
      ['Day', 'Vehicle N', 'Treated N'],
      ['0', '1.00e6', '1.00e6'],
      ['3', '2.0e6', '3.2e5'],
      ['6', '3.9e6', '6.1e4'],
    ]),
    quote('Never dissolve platinum drugs in DMSO: it inactivates them.'),
    horizontalRule(),
    paragraph(
      'Search finds any word in any entry (try "persister"). Deleted entries go to the trash and can be restored.',
    ),
  );
}

export function seedWelcome(ctx: CoreContext): void {
  const notebook = createNotebook(ctx, WELCOME_NOTEBOOK);
  createEntry(ctx, { notebookId: notebook.id, title: WELCOME_TITLE, content: welcomeContent() });
}

/**
 * The demo experiment (shared/demo): a notebook of real, linked entries (a
 * model record, drug stocks, an IC50 plate, the persister induction, the drug
 * holiday, barcoding and the harvest), indexed like any other entries, so a
 * new profile can be queried and its lineage followed at once.
 */
export function seedDemo(ctx: CoreContext): void {
  if (!engineLoaded()) return;
  const now = ctx.now();
  const entries = engine().demoExperiment(ctx.newId, {
    today: now.slice(0, 10),
    now,
    user: ctx.user,
    newId: ctx.newId,
  });
  const notebooks = new Map<string, string>();
  for (const entry of entries) {
    let notebookId = notebooks.get(entry.notebook);
    if (!notebookId) {
      notebookId = createNotebook(ctx, entry.notebook).id;
      notebooks.set(entry.notebook, notebookId);
    }
    // The demo assigns its own entry ids: its links point at them.
    createEntry(ctx, { id: entry.entryId, notebookId, title: entry.title, content: entry.content, tags: entry.tags });
  }
}

/**
 * Everything a new profile starts with; the caller runs it in one transaction.
 * The Welcome entry comes last so it is the newest: the app opens on it.
 */
export function seedProfile(ctx: CoreContext): void {
  seedDemo(ctx);
  seedWelcome(ctx);
}
