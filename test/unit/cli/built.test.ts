import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { PARALLEL_MIN_BYTES } from '@/lib/cli/parallel-read';
import { captureConsole } from './capture';
import { loaderChild } from './code-cache-child';

// The installed `keepwarm` is the esbuild bundle, not the TypeScript the other
// CLI tests run: it must print exactly what the source prints.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mail-import');
// A real mailbox of 49 folders, half of its mail from outside the company: the
// one the report took longest on against Python's parse.
const WARD_K = path.resolve(import.meta.dirname, '../../../../shared/data/email/enron-more/ward-k');
let dir = '';
let built = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-cli-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), '--outdir', dir], { cwd: ROOT });
  built = path.join(dir, 'keepwarm.cjs');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function runBuilt(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(process.execPath, [built, ...args], { encoding: 'utf8', env });
}

async function runSource(args: string[]): Promise<string> {
  const { out } = captureConsole();
  expect(await main(args)).toBe(0);
  return `${out.join('\n')}\n`;
}

describe('the built keepwarm', () => {
  it.each([[['--help']], [['report', '--help']]])('prints the same help as the source: %j', async (args) => {
    expect(runBuilt(args)).toBe(await runSource(args));
  });

  it.each([
    [['takeout-sample.mbox', '--me', 'olena@brightpath.studio']],
    [['takeout-sample.mbox', '--me', 'olena@brightpath.studio', '--as-of', '2024-01-01', '--group-by', 'person']],
    [['bulk', '--me', 'olena@agency.example']],
  ])('reports the same JSON as the source: %j', async ([target, ...rest]) => {
    const args = ['report', path.join(FIXTURES, target ?? ''), ...rest, '--json'];
    const fromBuilt = JSON.parse(runBuilt(args));
    expect(fromBuilt.clients.length).toBeGreaterThan(0);
    expect(fromBuilt).toEqual(JSON.parse(await runSource(args)));
  });

  it('reads a folder of over four megabytes on two threads and reports what one thread reads', async () => {
    const folder = generatedFolder();
    const bytes = readdirSync(folder).reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0);
    expect(bytes).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const args = ['report', folder, '--me', 'me@agency.example', '--json'];
    const onTwo = runBuilt(args, { ...process.env, KEEPWARM_PARSE_THREADS: '2' });
    expect(JSON.parse(onTwo).counts).toMatchObject({ duplicates: 40, skippedNoDate: 10, skippedCorrupt: 10 });
    expect(onTwo).toBe(runBuilt(args, { ...process.env, KEEPWARM_PARSE_THREADS: '1' }));
    expect(JSON.parse(onTwo)).toEqual(JSON.parse(await runSource(args)));
  });

  it.skipIf(!existsSync(WARD_K))(
    'reports a real Enron mailbox byte for byte as the source does, on one thread and on two',
    async () => {
      const args = ['report', WARD_K, '--me', '.ward@enron.com', '--json'];
      const onOne = runBuilt(args, { ...process.env, KEEPWARM_PARSE_THREADS: '1' });
      expect(JSON.parse(onOne).clients.length).toBeGreaterThan(100);
      expect(runBuilt(args, { ...process.env, KEEPWARM_PARSE_THREADS: '2' })).toBe(onOne);
      expect(onOne).toBe(await runSource(args));
    },
    120_000,
  );

  it("comes with code caches V8 takes: the report's under the busy machine's flag, its parser's in a worker thread", async () => {
    const child = await loaderChild(dir);
    expect(child(path.join(dir, 'lib/report.cjs'), 'flags-before-running')).toBe(false);
    expect(child(path.join(dir, 'lib/parse-worker.cjs'), 'in-a-worker')).toBe(false);
  });

  it('reads a saved Gmail page as the source does: the page parser is bundled too', async () => {
    const page = path.resolve(import.meta.dirname, '../../fixtures/gmail/current-inbox.html');
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    const args = ['extract', 'gmail', page, '--url', url, '--time-zone', 'UTC', '--now', '2026-11-20T12:00:00Z'];
    const fromBuilt = JSON.parse(runBuilt(args));
    expect(fromBuilt.threads.length).toBeGreaterThan(0);
    expect(fromBuilt).toEqual(JSON.parse(await runSource(args)));
  });

  it('fails a usage error with exit code 2, as the source does', () => {
    let status: number | null = null;
    try {
      execFileSync(process.execPath, [built, 'report', path.join(FIXTURES, 'takeout-sample.mbox')], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});

/**
 * A made-up export of three mbox files (about 4.5 MB, enough for the built
 * CLI's second parsing thread): a year of threads between the user and forty
 * clients, the last file repeating some of the first's messages (duplicates
 * across threads) and holding messages without a date or a sender.
 */
function generatedFolder(): string {
  const folder = path.join(dir, 'generated');
  mkdirSync(folder, { recursive: true });
  const padding = `${'Notes on the account, line after line of them.\n'.repeat(150)}`;
  const message = (i: number, from: string, to: string) =>
    [
      `From ${from} Mon Jan  1 00:00:00 2024`,
      `Message-ID: <m${i}@generated.example>`,
      ...(i % 3 === 0 ? [`In-Reply-To: <m${i - 1}@generated.example>`] : []),
      `Date: ${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 7).toUTCString()}`,
      `From: ${from}`,
      `To: ${to}`,
      `Subject: Project ${i % 50}`,
      '',
      `Message ${i} about project ${i % 50}.`,
      padding,
    ].join('\n');
  const client = (i: number) => `person${i % 7}@client${i % 40}.example`;
  const mail = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      return i % 2 === 0 ? message(i, client(i), 'me@agency.example') : message(i, 'me@agency.example', client(i));
    });
  writeFileSync(path.join(folder, 'Inbox'), mail(0, 200).join('\n'));
  writeFileSync(path.join(folder, 'Projects'), mail(200, 400).join('\n'));
  const broken = Array.from({ length: 10 }, (_, i) => [
    `From x Mon Jan  1 00:00:00 2024\nFrom: someone@client1.example\nSubject: no date ${i}\n\nText.\n`,
    `From x Mon Jan  1 00:00:00 2024\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nSubject: no sender ${i}\n\nText.\n`,
  ]).flat();
  writeFileSync(path.join(folder, 'Sent'), [...mail(400, 600), ...mail(0, 40), ...broken].join('\n'));
  return folder;
}
