/**
 * The renderer's door to the template engine in shared/templates: the same
 * pure functions the core and the PDF use, so a value is checked and
 * computed one way everywhere.
 */
export { evaluateBlock } from '../../shared/templates/evaluate';
export { initialRow, initialValues } from '../../shared/templates/placeholders';
export { blockLabel } from '../../shared/templates/label';
export { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
