/** The notebook engine's public surface, for electron/main, the tests and the benchmark. */
import { setEngine } from './engine';
import { ENGINE } from './engine-impl';

// Whoever imports the core's public surface gets the template engine loaded.
// The CLI imports ./lazy instead and loads the engine only for the commands
// that use it (see engine.ts).
setEngine(ENGINE);

export * from './lazy';
