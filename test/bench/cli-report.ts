import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { readMailboxMessages } from '@/lib/cli/commands/report';
import { analyzeAccount } from '@/lib/engine/analyze';
import type { Benchmark } from './benchmark';

// The built `keepwarm` as a user runs it, whole process from spawn to exit:
//   - `keepwarm --help` against Node starting and doing nothing (target: under
//     100 ms);
//   - `keepwarm report --json` on real Enron mailboxes against Python's
//     standard `mailbox` module merely parsing the same files, both whole
//     process and Python's parse alone (target: faster than both);
//   - where the report's time goes: startup (`report --help`), then reading,
//     analysis and JSON, each timed in this process on the same messages.

const ROOT = path.resolve(import.meta.dirname, '../..');
const EMAIL = path.resolve(ROOT, '../shared/data/email');
const MAILBOXES = [
  ['enron-mbox/sager-e', 'elizabeth.sager@enron.com'],
  ['enron-mbox/buy-r', 'rick.buy@enron.com'],
  ['enron-more/ward-k', '.ward@enron.com'],
  ['enron-more/hayslett-r', 'rod.hayslett@enron.com'],
] as const;
const REPEAT = 3;
const TARGET_HELP_MS = 100;
const HELP_REPEAT = 9;
const PYTHON_MAILBOX = path.join(import.meta.dirname, 'mailbox-import/python-mailbox.py');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Wall-clock milliseconds of one whole process; its stdout, which must succeed. */
function timed(command: string, args: string[], cwd = ROOT): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

function help(cli: string) {
  const keepwarm: number[] = [];
  const report: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < HELP_REPEAT; i++) {
    keepwarm.push(timed(process.execPath, [cli, '--help']).ms);
    report.push(timed(process.execPath, [cli, 'report', '--help']).ms);
    node.push(timed(process.execPath, ['-e', '0']).ms);
  }
  // `report --help` loads the report's code (engine, reader) and stops: the report's startup.
  const keepwarmHelpMs = median(keepwarm);
  return {
    keepwarmHelpMs,
    withinTarget: keepwarmHelpMs < TARGET_HELP_MS,
    reportStartupMs: median(report),
    nodeDoingNothingMs: median(node),
  };
}

/** Reading, analysis and JSON of the report, in this process, on the mailbox's messages. */
async function phases(folder: string, me: string) {
  const identity = { addresses: [me], internalDomains: ['enron.com'] };
  const start = performance.now();
  const { messages } = await readMailboxMessages(folder, identity);
  const read = performance.now();
  const analysis = analyzeAccount({
    messages,
    identity,
    now: Math.max(0, ...messages.map((m) => m.at)),
  });
  const analysed = performance.now();
  JSON.stringify(analysis.clients);
  return { readMs: read - start, analysisMs: analysed - read, jsonMs: performance.now() - analysed };
}

async function mailbox(cli: string, folder: string, me: string, python: boolean) {
  const files = readdirSync(folder).filter((name) => !name.startsWith('.'));
  const keepwarm: number[] = [];
  const pythonWhole: number[] = [];
  const pythonParse: number[] = [];
  let clients = 0;
  let messages = 0;
  for (let i = 0; i < REPEAT; i++) {
    const report = timed(process.execPath, [cli, 'report', folder, '--me', me, '--json']);
    keepwarm.push(report.ms);
    const parsed = JSON.parse(report.stdout) as { clients: unknown[]; counts: { imported: number } };
    clients = parsed.clients.length;
    messages = parsed.counts.imported;
    if (!python) continue;
    const run = timed('python3', [PYTHON_MAILBOX, ...files], folder);
    pythonWhole.push(run.ms);
    pythonParse.push(JSON.parse(run.stdout).seconds * 1000);
  }
  const keepwarmMs = median(keepwarm);
  return {
    files: files.length,
    messages,
    clients,
    keepwarmReportMs: keepwarmMs,
    ...(python
      ? {
          pythonMailboxWholeMs: median(pythonWhole),
          pythonMailboxParseOnlyMs: median(pythonParse),
          speedupOverPythonWhole: median(pythonWhole) / keepwarmMs,
          speedupOverPythonParseOnly: median(pythonParse) / keepwarmMs,
          withinTarget: keepwarmMs < median(pythonParse),
        }
      : {}),
    inProcess: await phases(folder, me),
  };
}

export const cliReport: Benchmark = {
  name: 'cli-report',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-bench-cli-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), '--outdir', dir], { cwd: ROOT });
      const cli = path.join(dir, 'keepwarm.cjs');
      const python = spawnSync('python3', ['--version']).status === 0;
      const out: Record<string, unknown> = {
        targets: { keepwarmHelpMs: `< ${TARGET_HELP_MS}`, speedupOverPythonParseOnly: '> 1' },
        // The report parses on a second thread only when the load leaves a core spare (lib/cli/parallel-read.ts).
        loadAverage: { oneMinute: loadavg()[0], cores: availableParallelism() },
        help: help(cli),
      };
      if (!python) out.pythonSkipped = 'python3 is not installed: no Python baseline';
      if (!existsSync(EMAIL)) out.mailboxesSkipped = 'the Enron mailboxes are not beside the checkout';
      else for (const [name, me] of MAILBOXES) out[name] = await mailbox(cli, path.join(EMAIL, name), me, python);
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
