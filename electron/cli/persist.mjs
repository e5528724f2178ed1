#!/usr/bin/env node
// The `persist` command. The CLI is written in TypeScript next to the core it
// drives; rather than shipping a second, compiled copy of the core, this
// launcher registers tsx's loader and runs the sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
// exitCode rather than process.exit(): lets piped stdout drain before exit.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
