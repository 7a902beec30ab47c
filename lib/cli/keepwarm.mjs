#!/usr/bin/env node
// The CLI runs the extension's own TypeScript (lib/) directly through tsx, so
// there is one engine and no separate build step for the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
