#!/usr/bin/env node
// Bundles the `keepwarm` command line tool into plain JavaScript, so running it
// compiles no TypeScript:
//   - `keepwarm.cjs`, the entry: one small CommonJS file that answers
//     `keepwarm --help` by itself and otherwise loads the command named;
//   - `lib/<command>.cjs`, one bundle per command, so `report` never loads
//     the page parser that `extract` needs;
//   - `lib/parse-thread.cjs`, the entry of the report's second parsing thread,
//     and `lib/parse-worker.cjs`, the parser that thread runs;
//   - `lib/report.cjs.cache` and `lib/parse-worker.cjs.cache`, V8's code
//     caches for the report and for its second thread's parser, written by
//     running each once on a small sample mailbox (lib/cli/built-command.ts).
// The bundle goes beside the extension's builds in .output, which the Firefox
// sources zip leaves out.
import { statSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(ROOT, '.output/cli');
const COMMANDS_DIR = 'lib';
// Our own made-up Takeout export, the one the report's tests read.
const SAMPLE = ['test/fixtures/mail-import/takeout-sample.mbox', '--me', 'olena@brightpath.studio', '--json'];

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
  // The sources are ES modules; a CommonJS bundle names its own file instead.
  define: { 'import.meta.url': '__keepwarm_file_url' },
  banner: { js: "const __keepwarm_file_url = require('node:url').pathToFileURL(__filename).href;" },
};

/** Each command's bundle exports the command and the one way to run it (with the bundle's own UsageError). */
const commandEntry = (name) => ({
  contents: `export { command } from './lib/cli/commands/${name}';\nexport { runCommand } from './lib/cli/run-command';\n`,
  resolveDir: ROOT,
  sourcefile: `${name}-entry.ts`,
  loader: 'ts',
});

/** Builds the CLI into `outdir`; its entry is `<outdir>/keepwarm.cjs`. */
export async function buildCli(outdir = CLI_OUT) {
  await rm(outdir, { recursive: true, force: true });
  const lib = path.join(outdir, COMMANDS_DIR);
  const names = (await readdir(path.join(ROOT, 'lib/cli/commands'))).map((file) => path.basename(file, '.ts'));
  await Promise.all([
    ...names.map((name) => build({ ...common, stdin: commandEntry(name), outfile: path.join(lib, `${name}.cjs`) })),
    build({ ...common, entryPoints: ['lib/cli/parse-worker.ts'], outfile: path.join(lib, 'parse-worker.cjs') }),
    build({ ...common, entryPoints: ['lib/cli/parse-thread.ts'], outfile: path.join(lib, 'parse-thread.cjs') }),
  ]);
  const entry = path.join(outdir, 'keepwarm.cjs');
  await build({ ...common, entryPoints: ['lib/cli/bin.ts'], outfile: entry, banner: { js: '#!/usr/bin/env node' } });
  await chmod(entry, 0o755);
  await writeCodeCaches(lib);
  return entry;
}

/**
 * Runs the built report, then the second thread's parser, once each on the
 * sample, the report's output unprinted, and keeps their code caches. The
 * parser's runs here, on this thread: V8 takes a cache in any thread of the
 * Node version and flags that made it.
 */
async function writeCodeCaches(lib) {
  const temp = await mkdtemp(path.join(tmpdir(), 'keepwarm-cli-build-'));
  try {
    const loader = path.join(temp, 'built-command.cjs');
    await build({ ...common, entryPoints: ['lib/cli/built-command.ts'], outfile: loader });
    const { writeCodeCache } = createRequire(import.meta.url)(loader);
    const [sample, , me] = SAMPLE;
    const log = console.log;
    console.log = () => {};
    try {
      const args = [path.join(ROOT, sample), ...SAMPLE.slice(1)];
      const code = await writeCodeCache(path.join(lib, 'report.cjs'), (report) =>
        report.runCommand('report', report.command, args),
      );
      if (code !== 0) throw new Error(`the report on ${sample} failed (exit code ${code})`);
    } finally {
      console.log = log;
    }
    const replies = await writeCodeCache(path.join(lib, 'parse-worker.cjs'), async (parser) => {
      const posted = [];
      await parser.parseClaimedFiles(sampleJob(path.join(ROOT, sample), me), (reply) => posted.push(reply));
      return posted;
    });
    const failed = replies.find((reply) => reply.kind === 'error');
    if (failed) throw new Error(`the parsing thread's parser on ${sample} failed: ${failed.message}`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The sample as a job for the second parsing thread (lib/cli/parse-protocol.ts), all of it for that thread to claim. */
function sampleJob(file, me) {
  return {
    files: [{ name: path.basename(file), path: file, size: statSync(file).size }],
    identity: { addresses: [me], internalDomains: [me.split('@')[1]] },
    claims: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `--outdir <dir>` builds elsewhere, as the test of the built file does.
  const at = process.argv.indexOf('--outdir');
  const entry = await buildCli(at > 0 ? path.resolve(process.argv[at + 1] ?? CLI_OUT) : CLI_OUT);
  console.log(`keepwarm CLI built: ${path.relative(ROOT, entry)}`);
}
