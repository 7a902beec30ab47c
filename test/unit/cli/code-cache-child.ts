import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { BUSY_MACHINE_V8_FLAGS } from '@/lib/cli/machine-load';

// Runs the loader the built `keepwarm` runs (lib/cli/built-command.ts, bundled
// as the build bundles it) in a fresh process, since V8's flags are the whole
// process's, and tells whether V8 refused a bundle's code cache.

const ROOT = path.resolve(import.meta.dirname, '../../..');

// Writes the bundle's cache, or loads it one way and prints whether V8 refused the cache.
const CHILD_SOURCE = `
const v8 = require('node:v8');
const { Worker } = require('node:worker_threads');
const [loader, bundle, step, flags] = process.argv.slice(2);
const { loadBundle, writeCodeCache } = require(loader);
const print = (value) => process.stdout.write(JSON.stringify(value));
if (step === 'write') writeCodeCache(bundle, (exports) => exports.run()).then(print);
else if (step === 'flags-before-compiling') {
  v8.setFlagsFromString(flags);
  print(loadBundle(bundle).cacheRejected);
} else if (step === 'flags-before-running')
  print(loadBundle(bundle, { beforeRun: () => v8.setFlagsFromString(flags) }).cacheRejected);
else if (step === 'in-a-worker') {
  const code = 'require("node:worker_threads").parentPort.postMessage(require(' + JSON.stringify(loader) +
    ').loadBundle(' + JSON.stringify(bundle) + ').cacheRejected)';
  new Worker(code, { eval: true }).once('message', print);
}
`;

/**
 * How a child loads the bundle: `write` runs its `run` export and writes its
 * cache (printing what `run` gave); the others print `cacheRejected`, with
 * the busy machine's V8 flag set before compiling or before running, or with
 * no flag in a worker thread.
 */
export type LoaderStep = 'write' | 'flags-before-compiling' | 'flags-before-running' | 'in-a-worker';

/** Bundles the loader into `dir` beside a child script; returns the function that runs a step in a child. */
export async function loaderChild(dir: string): Promise<(bundle: string, step: LoaderStep) => unknown> {
  const loader = path.join(dir, 'built-command-for-test.cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['lib/cli/built-command.ts'],
    outfile: loader,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  const script = path.join(dir, 'loader-child.cjs');
  writeFileSync(script, CHILD_SOURCE);
  return (bundle, step) =>
    JSON.parse(
      execFileSync(process.execPath, [script, loader, bundle, step, BUSY_MACHINE_V8_FLAGS], { encoding: 'utf8' }),
    );
}
