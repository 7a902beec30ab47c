#!/usr/bin/env node
// Bundles the `keepwarm` command line tool into plain JavaScript, so running it
// compiles no TypeScript. Two builds:
//   - `keepwarm.cjs`, the entry: CommonJS, one small file that answers
//     `keepwarm --help` by itself (a CommonJS main starts no ES module loader)
//     and otherwise imports the commands' bundle;
//   - `lib/`, the commands' bundle: ES modules, each command its own chunk, so
//     `report` never loads the page parser that `extract` needs.
// The bundle goes beside the extension's builds in .output, which the Firefox
// sources zip leaves out.
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(ROOT, '.output/cli');
const COMMANDS_DIR = 'lib';

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
};

/** The entry's one import of the commands' bundle stays an import of the built file. */
const mainIsBuiltApart = {
  name: 'main-is-built-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/main$/ }, () => ({ path: `./${COMMANDS_DIR}/main.mjs`, external: true }));
  },
};

/** Builds the CLI into `outdir`; its entry is `<outdir>/keepwarm.cjs`. */
export async function buildCli(outdir = CLI_OUT) {
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { main: 'lib/cli/main.ts', 'parse-worker': 'lib/cli/parse-worker.ts' },
    outdir: path.join(outdir, COMMANDS_DIR),
    outExtension: { '.js': '.mjs' },
    splitting: true,
    format: 'esm',
    // Bundled CommonJS dependencies call require(); an ES module has none of its
    // own. Taken from the built-in module without an import, so no chunk links
    // one more module for it.
    banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
    chunkNames: '[name]-[hash]',
  });
  const entry = path.join(outdir, 'keepwarm.cjs');
  await build({
    ...common,
    entryPoints: ['lib/cli/bin.ts'],
    outfile: entry,
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [mainIsBuiltApart],
  });
  await chmod(entry, 0o755);
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `--outdir <dir>` builds elsewhere, as the test of the built file does.
  const at = process.argv.indexOf('--outdir');
  const entry = await buildCli(at > 0 ? path.resolve(process.argv[at + 1] ?? CLI_OUT) : CLI_OUT);
  console.log(`keepwarm CLI built: ${path.relative(ROOT, entry)}`);
}
