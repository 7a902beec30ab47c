#!/usr/bin/env node
// Bundles the `keepwarm` command line tool into plain JavaScript, so running it
// compiles no TypeScript. Each command is its own chunk: `keepwarm --help`
// loads only the dispatcher, and `report` never loads the page parser that
// `extract` needs. The bundle goes beside the extension's builds in .output,
// which the Firefox sources zip leaves out.
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(ROOT, '.output/cli');

/** Builds the CLI into `outdir`; its entry is `<outdir>/keepwarm.mjs`. */
export async function buildCli(outdir = CLI_OUT) {
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { keepwarm: 'lib/cli/bin.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __keepwarmRequire } from 'node:module';\nconst require = __keepwarmRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const entry = path.join(outdir, 'keepwarm.mjs');
  await chmod(entry, 0o755);
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `--outdir <dir>` builds elsewhere, as the test of the built file does.
  const at = process.argv.indexOf('--outdir');
  const entry = await buildCli(at > 0 ? path.resolve(process.argv[at + 1] ?? CLI_OUT) : CLI_OUT);
  console.log(`keepwarm CLI built: ${path.relative(ROOT, entry)}`);
}
