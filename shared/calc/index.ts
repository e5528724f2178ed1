/**
 * Calculations behind the protocol templates: pure functions, one file per
 * concept, each documenting its formula and its source (the domain guide,
 * shared/guide/domain.md, and the papers named there). Every function returns
 * a CalcResult: a value, or an issue with a stable code and a message for
 * people; bad input never yields NaN silently.
 */
export * from './result';
export { type LinearFit, linearRegression, mean, median, sampleSd, tQuantile } from './stats';
export * from './stock';
export * from './dilution';
export * from './viability';
export * from './growth';
export { type Estimate } from './curve';
export * from './fit-4pl';
export * from './fit-gr';
export * from './zprime';
export * from './tumour';
export * from './dosing';
export * from './transduction';
export * from './tolerance';
