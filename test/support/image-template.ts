import type { TemplateDefinition } from '../../shared/templates/definition';

/**
 * A small template with a top-level image field, for attachment tests: the
 * built-ins have images only as table columns (T4's count table).
 */
export const FIXTURE_GEL: TemplateDefinition = {
  id: 'fixture-gel',
  version: 1,
  code: 'FX9',
  name: 'Fixture gel image',
  description: 'A gel photo with a caption, for attachment tests.',
  category: 'assay',
  label: '{{caption}}',
  groups: [
    {
      id: 'main',
      label: 'Main',
      fields: [
        { id: 'caption', type: 'text', label: 'Caption' },
        { id: 'photo', type: 'image', label: 'Gel photo' },
        {
          id: 'lanes',
          type: 'table',
          label: 'Lanes',
          columns: [
            { id: 'sample', type: 'text', label: 'Sample' },
            { id: 'crop', type: 'image', label: 'Crop' },
          ],
        },
      ],
    },
  ],
  rules: [],
};
