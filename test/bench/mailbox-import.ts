import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importMailbox } from '@/lib/mail-import/mailbox-batches';
import { mailboxSourcesAt } from '@/lib/mail-import/node-files';
import type { Benchmark } from './benchmark';
import { chromiumImport } from './mailbox-import/chromium-import';
import { writeSyntheticMbox } from './mailbox-import/synthetic';

// Mailbox import speed and memory:
//   - in Chromium, the extension's import of a synthetic Takeout mbox and of
//     each Enron mailbox: messages/s, peak memory, and total time over the
//     ingest-only time of the same messages (target under 1.5: parsing is not
//     the bottleneck);
//   - the command line's reader against Python's standard `mailbox` module on
//     the same files (target: faster);
//   - peak memory (live heap and resident set) on a synthetic mbox of 1× and
//     10× the messages (target: well under 10× the memory).

const DATA = path.resolve(import.meta.dirname, '../../../shared/data/email/enron-mbox');
const PEOPLE = [
  ['sager-e', 'elizabeth.sager@enron.com'],
  ['buy-r', 'rick.buy@enron.com'],
  ['parks-j', 'joe.parks@enron.com'],
] as const;
const REPEAT = 3;
const SMALL = 5_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function nodeSeconds(folder: string): Promise<{ seconds: number; messages: number }> {
  const start = performance.now();
  const run = importMailbox(await mailboxSourcesAt(folder));
  for await (const _ of run);
  return { seconds: (performance.now() - start) / 1000, messages: run.counts.read };
}

function pythonSeconds(folder: string, files: string[]): { seconds: number; messages: number } {
  const output = execFileSync(
    'python3',
    [path.join(import.meta.dirname, 'mailbox-import/python-mailbox.py'), ...files],
    {
      cwd: folder,
      encoding: 'utf8',
    },
  );
  return JSON.parse(output);
}

async function cliAgainstPython() {
  if (spawnSync('python3', ['--version']).status !== 0) return { skipped: 'python3 is not installed' };
  const out: Record<string, unknown> = {};
  for (const [person] of PEOPLE) {
    const folder = path.join(DATA, person);
    const files = (await mailboxSourcesAt(folder)).map((s) => path.join(folder, s.name));
    const node = [];
    const python = [];
    for (let i = 0; i < REPEAT; i++) {
      node.push(await nodeSeconds(folder));
      python.push(pythonSeconds(folder, files));
    }
    const keepwarm = median(node.map((r) => r.seconds));
    const stdlib = median(python.map((r) => r.seconds));
    out[person] = {
      messages: node[0]?.messages,
      pythonMessages: python[0]?.messages,
      keepwarmSeconds: keepwarm,
      pythonMailboxSeconds: stdlib,
      keepwarmMessagesPerSecond: Math.round((node[0]?.messages ?? 0) / keepwarm),
      pythonMessagesPerSecond: Math.round((python[0]?.messages ?? 0) / stdlib),
      speedup: stdlib / keepwarm,
    };
  }
  return out;
}

function childMemory(file: string) {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'mailbox-import/memory-child.ts'), file],
    { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..'), maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    messages: number;
    baselineHeapMB: number;
    peakHeapMB: number;
    baselineLiveMB: number;
    peakLiveMB: number;
    maxRssMB: number;
  };
}

async function memoryFlat() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-bench-mbox-'));
  try {
    const out: Record<string, unknown> = {};
    for (const [shape, takeout] of [
      ['takeout', true],
      ['archive', false],
    ] as const) {
      const sizes: Record<string, unknown> = {};
      const runs: ReturnType<typeof childMemory>[] = [];
      for (const scale of [1, 10]) {
        const file = path.join(dir, `${shape}-${scale}.mbox`);
        const bytes = await writeSyntheticMbox(file, SMALL * scale, takeout);
        const figures = childMemory(file);
        rmSync(file);
        runs.push(figures);
        sizes[`${scale}x`] = { megabytes: bytes / 1e6, ...figures };
      }
      const [one, ten] = runs as [ReturnType<typeof childMemory>, ReturnType<typeof childMemory>];
      out[shape] = {
        ...sizes,
        peakHeapRatio10xTo1x: ten.peakHeapMB / one.peakHeapMB,
        peakLiveRatio10xTo1x: ten.peakLiveMB / one.peakLiveMB,
        maxRssRatio10xTo1x: ten.maxRssMB / one.maxRssMB,
        // What each further message costs: hashed dedupe keys, thread links and subject threads.
        heapBytesPerExtraMessage: Math.round(
          ((ten.peakHeapMB - one.peakHeapMB) * 2 ** 20) / (ten.messages - one.messages),
        ),
        liveBytesPerExtraMessage: Math.round(
          ((ten.peakLiveMB - one.peakLiveMB) * 2 ** 20) / (ten.messages - one.messages),
        ),
      };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TAKEOUT_IN_CHROMIUM = 20_000;

async function inChromium(enron: boolean) {
  const out: Record<string, unknown> = {};
  // A Takeout export streams: the next batch is read while the previous one is stored.
  const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-bench-takeout-'));
  try {
    const file = path.join(dir, 'All mail Including Spam and Trash.mbox');
    await writeSyntheticMbox(file, TAKEOUT_IN_CHROMIUM, true);
    out.syntheticTakeout = await chromiumImport(file, 'me@agency.example');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // An archive without Gmail thread ids streams too: threads are joined as messages arrive.
  if (enron)
    for (const [person, me] of PEOPLE) out[`enron ${person}`] = await chromiumImport(path.join(DATA, person), me);
  return out;
}

export const mailboxImport: Benchmark = {
  name: 'mailbox-import',
  async run() {
    const enron = existsSync(DATA);
    return {
      targets: {
        importToIngestRatio: '< 1.5',
        speedupOverPythonMailbox: '> 1',
        liveMemoryRatio10xTo1x: '< 10, near 1',
      },
      memoryFlat: await memoryFlat(),
      chromium: await inChromium(enron),
      ...(enron
        ? { cliAgainstPythonMailbox: await cliAgainstPython() }
        : { skipped: 'the Enron mailboxes are not beside the checkout: no Enron figures' }),
    };
  },
};
