#!/usr/bin/env node
// Runs the CLI straight from its TypeScript through tsx, for development and
// the tests that check the source. The installed `keepwarm` is the bundle that
// `npm run build:cli` writes to .output/cli (scripts/build-cli.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
