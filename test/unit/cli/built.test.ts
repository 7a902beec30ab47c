import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { captureConsole } from './capture';

// The installed `keepwarm` is the esbuild bundle, not the TypeScript the other
// CLI tests run: it must print exactly what the source prints.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mail-import');
let dir = '';
let built = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-cli-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), '--outdir', dir], { cwd: ROOT });
  built = path.join(dir, 'keepwarm.cjs');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function runBuilt(args: string[]): string {
  return execFileSync(process.execPath, [built, ...args], { encoding: 'utf8' });
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
