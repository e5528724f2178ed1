/** The structured query language (docs/QUERY.md): tokenizer, parser and AST. Pure. */
export * from './ast';
export { MAX_QUERY_LENGTH, tokenize, type Token } from './tokenize';
export { MAX_COMPARISONS, isIsoDate, parseQuery } from './parse';
export { fieldMatches } from './fields';
