import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { readMailboxMessages } from '@/lib/cli/commands/report';
import { analyzeAccount } from '@/lib/engine/analyze';
import { mailboxSources } from '../risk-data/enron-mailboxes';
import type { Benchmark } from './benchmark';

// The built `keepwarm` as a user runs it, whole process from spawn to exit,
// in CPU time (user + system, every thread) and wall-clock time:
//   - `keepwarm --help` against Node starting and doing nothing (target: under
//     100 ms wall);
//   - `keepwarm report --json` on real Enron mailboxes against Python's
//     standard `mailbox` module merely parsing the same files, whole process
//     (target: less CPU on every mailbox). The machine is shared, and its load
//     stretches wall-clock times far more than CPU times;
//   - where the report's time goes: startup (`report --help`), then reading,
//     analysis and JSON, each timed in this process on the same messages.
// The mailboxes: every small one, where Node's start and loading the report
// weigh most, a few medium ones and the largest (all 24 take several minutes).

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAILBOXES = [
  'whitt-m',
  'ring-a',
  'tycholiz-b',
  'donoho-l',
  'causholli-m',
  'brawner-s',
  'lokey-t',
  'forney-j',
  'lucci-p',
  'carson-m',
  'cuilla-m',
  'hayslett-r',
  'ward-k',
  'sager-e',
];
const REPEAT = 3;
const TARGET_HELP_MS = 100;
const HELP_REPEAT = 9;
const PYTHON_MAILBOX = path.join(import.meta.dirname, 'mailbox-import/python-mailbox.py');
const CHILD_CPU = path.join(import.meta.dirname, 'mailbox-import/child-cpu.py');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round = (ms: number) => Math.round(ms);

interface Timing {
  cpuMs: number;
  wallMs: number;
}

/** One whole process's CPU and wall time (measured by child-cpu.py) and its stdout, which must succeed. */
function timed(command: string, args: string[], cwd = ROOT): Timing & { stdout: string } {
  const run = spawnSync('python3', [CHILD_CPU, command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  if (run.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed: ${run.stderr}`);
  const timing = JSON.parse(String(run.output[3])) as Timing;
  return { ...timing, stdout: run.stdout };
}

const medians = (runs: Timing[]): Timing => ({
  cpuMs: round(median(runs.map((r) => r.cpuMs))),
  wallMs: round(median(runs.map((r) => r.wallMs))),
});

function help(cli: string) {
  const runs: Record<'keepwarm' | 'report' | 'node', Timing[]> = { keepwarm: [], report: [], node: [] };
  for (let i = 0; i < HELP_REPEAT; i++) {
    runs.keepwarm.push(timed(process.execPath, [cli, '--help']));
    // `report --help` loads the report's code (engine, reader) and stops: the report's startup.
    runs.report.push(timed(process.execPath, [cli, 'report', '--help']));
    runs.node.push(timed(process.execPath, ['-e', '0']));
  }
  const keepwarmHelp = medians(runs.keepwarm);
  return {
    keepwarmHelp,
    withinTarget: keepwarmHelp.wallMs < TARGET_HELP_MS,
    reportStartup: medians(runs.report),
    nodeDoingNothing: medians(runs.node),
  };
}

/** Reading, analysis and JSON of the report, in this process, on the mailbox's messages. */
async function phases(folder: string, me: string) {
  const identity = { addresses: [me], internalDomains: ['enron.com'] };
  const start = performance.now();
  const { messages } = await readMailboxMessages(folder, identity);
  const read = performance.now();
  const analysis = analyzeAccount({ messages, identity, now: Math.max(0, ...messages.map((m) => m.at)) });
  const analysed = performance.now();
  JSON.stringify(analysis.clients);
  return {
    readMs: round(read - start),
    analysisMs: round(analysed - read),
    jsonMs: round(performance.now() - analysed),
  };
}

/** The report and Python's parse of one mailbox, taking turns, each REPEAT times. */
async function mailbox(cli: string, folder: string, me: string) {
  const files = readdirSync(folder).filter((name) => !name.startsWith('.'));
  const keepwarmRuns: Timing[] = [];
  const pythonRuns: Timing[] = [];
  const pythonParse: number[] = [];
  let clients = 0;
  let messages = 0;
  for (let i = 0; i < REPEAT; i++) {
    const report = timed(process.execPath, [cli, 'report', folder, '--me', me, '--json']);
    keepwarmRuns.push(report);
    const parsed = JSON.parse(report.stdout) as { clients: unknown[]; counts: { imported: number } };
    clients = parsed.clients.length;
    messages = parsed.counts.imported;
    const python = timed('python3', [PYTHON_MAILBOX, ...files], folder);
    pythonRuns.push(python);
    pythonParse.push(JSON.parse(python.stdout).seconds * 1000);
  }
  const keepwarm = medians(keepwarmRuns);
  const python = { ...medians(pythonRuns), parseOnlyWallMs: round(median(pythonParse)) };
  const cpuRatio = Math.round((python.cpuMs / keepwarm.cpuMs) * 100) / 100;
  return {
    files: files.length,
    messages,
    clients,
    keepwarm,
    python,
    // Python's CPU time ÷ the report's: above 1, the report wins.
    cpuRatio,
    wins: cpuRatio > 1,
    inProcess: await phases(folder, me),
  };
}

const kb = (file: string) => Math.round(statSync(file).size / 1024);

async function mailboxes(cli: string) {
  const sources = mailboxSources().filter((source) => MAILBOXES.includes(source.name));
  const out: Record<string, Awaited<ReturnType<typeof mailbox>>> = {};
  for (const source of sources) {
    const result = await mailbox(cli, source.dir, source.me);
    out[source.name] = result;
    process.stderr.write(
      `  ${source.name.padEnd(12)} keepwarm ${result.keepwarm.cpuMs} ms CPU (${result.keepwarm.wallMs} wall), ` +
        `Python ${result.python.cpuMs} ms CPU (${result.python.wallMs} wall): ×${result.cpuRatio}\n`,
    );
  }
  const results = Object.values(out);
  return { cpuWins: `${results.filter((r) => r.wins).length} of ${results.length}`, byMailbox: out };
}

export const cliReport: Benchmark = {
  name: 'cli-report',
  async run() {
    if (spawnSync('python3', ['--version']).status !== 0) {
      throw new Error('python3 is not installed: it measures both sides and is the baseline');
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-bench-cli-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), '--outdir', dir], { cwd: ROOT });
      const cli = path.join(dir, 'keepwarm.cjs');
      const out: Record<string, unknown> = {
        targets: { keepwarmHelpWallMs: `< ${TARGET_HELP_MS}`, cpuRatio: '> 1 on every mailbox' },
        // The report parses on a second thread only when the load leaves a core spare and the mailbox is of
        // 4 MB or more (lib/cli/parallel-read.ts).
        loadAverage: { oneMinute: loadavg()[0], cores: availableParallelism() },
        reportBundleKb: {
          code: kb(path.join(dir, 'lib/report.cjs')),
          codeCache: kb(path.join(dir, 'lib/report.cjs.cache')),
        },
        // The second parsing thread's parser, compiled with its own code cache (lib/cli/parse-thread.ts).
        parseWorkerBundleKb: {
          code: kb(path.join(dir, 'lib/parse-worker.cjs')),
          codeCache: kb(path.join(dir, 'lib/parse-worker.cjs.cache')),
        },
        help: help(cli),
      };
      if (mailboxSources().length === 0) out.mailboxesSkipped = 'the Enron mailboxes are not beside the checkout';
      else Object.assign(out, await mailboxes(cli));
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
