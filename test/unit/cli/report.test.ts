import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { captureConsole } from './capture';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/mail-import/takeout-sample.mbox');
const ENRON = path.resolve(import.meta.dirname, '../../../../shared/data/email/enron-mbox/sager-e');

afterEach(() => vi.restoreAllMocks());

describe('keepwarm report', () => {
  it('prints every client with its key and numeric risk in --json', async () => {
    const { out } = captureConsole();
    expect(await main(['report', FIXTURE, '--me', 'olena@brightpath.studio', '--json'])).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.counts).toMatchObject({ imported: 3, duplicates: 1, skippedNoDate: 1 });
    expect(result.clients.map((c: { key: string }) => c.key).sort()).toEqual(['acme.example', 'other.example']);
    for (const client of result.clients) {
      expect(client.risk).toEqual(expect.any(Number));
      expect(['low', 'watch', 'high', 'critical']).toContain(client.level);
    }
  });

  it('sets automated and bulk senders aside, and says how many and why', async () => {
    const bulk = path.resolve(import.meta.dirname, '../../fixtures/mail-import/bulk');
    const json = captureConsole();
    await main(['report', bulk, '--me', 'olena@agency.example', '--json']);
    const result = JSON.parse(json.out.join('\n'));
    expect(result.clients.map((c: { key: string }) => c.key)).toEqual(['client.example']);
    expect(result.setAside.map((c: { key: string }) => c.key)).toEqual([
      'writer.example',
      'shop.example',
      'member.example',
    ]);
    expect(result.setAside[0].senders[0]).toMatchObject({
      address: 'jane@writer.example',
      signal: { kind: 'header', header: 'list-unsubscribe' },
    });
    vi.restoreAllMocks();
    const text = captureConsole();
    await main(['report', bulk, '--me', 'olena@agency.example']);
    expect(text.out.join('\n')).toMatch(/1 clients; 3 set aside as automated or bulk mail/);
  });

  it('--as-of uses only the mail up to that date', async () => {
    const { out } = captureConsole();
    await main(['report', FIXTURE, '--me', 'olena@brightpath.studio', '--as-of', '2024-01-01', '--json']);
    const result = JSON.parse(out.join('\n'));
    expect(result.asOf).toBe('2024-01-01T23:59:59.999Z');
    expect(result.clients.map((c: { key: string }) => c.key)).toEqual(['acme.example']);
  });

  it('--group-by person makes each address its own client', async () => {
    const { out } = captureConsole();
    await main(['report', FIXTURE, '--me', 'olena@brightpath.studio', '--group-by', 'person', '--json']);
    const keys = JSON.parse(out.join('\n')).clients.map((c: { key: string }) => c.key);
    expect(keys.sort()).toEqual(['bob@other.example', 'oksana@acme.example']);
  });

  it.each([
    [['report', FIXTURE], /--me is required/],
    [['report', '--me', 'a@b.example'], /expected one mbox/],
    [['report', FIXTURE, '--me', 'a@b.example', '--group-by', 'team'], /--group-by must be/],
    [['report', FIXTURE, '--me', 'a@b.example', '--as-of', 'someday'], /is not a date/],
  ])('%j is a usage error', async (args, message) => {
    const { err } = captureConsole();
    expect(await main(args)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  it('names the file that is not a mailbox', async () => {
    const { err } = captureConsole();
    const notes = path.resolve(import.meta.dirname, '../../fixtures/mail-import/not-mail.csv');
    expect(await main(['report', notes, '--me', 'a@b.example'])).toBe(1);
    expect(err.join('\n')).toMatch(/not-mail\.csv is not a mailbox/);
  });

  it.skipIf(!existsSync(ENRON))('reads a real Enron mailbox: every message once, clients ranked', async () => {
    const { out } = captureConsole();
    await main(['report', ENRON, '--me', 'elizabeth.sager@enron.com', '--internal', 'none', '--json']);
    const result = JSON.parse(out.join('\n'));
    expect(result.counts).toMatchObject({ read: 5200, imported: 3255 });
    expect(result.clients.length).toBeGreaterThan(50);
    const scores = result.clients.map((c: { risk: number }) => c.risk);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
