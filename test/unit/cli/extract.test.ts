import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { captureConsole } from './capture';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/gmail/current-inbox.html');
const URL_INBOX = 'https://mail.google.com/mail/u/0/#inbox';

afterEach(() => vi.restoreAllMocks());

describe('keepwarm extract', () => {
  it('prints the observations and the health report of a saved Gmail page', async () => {
    const { out } = captureConsole();
    const code = await main([
      'extract',
      'gmail',
      FIXTURE,
      '--url',
      URL_INBOX,
      '--time-zone',
      'America/New_York',
      '--now',
      '2026-11-20T12:00:00Z',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.account).toEqual({ accountPath: 'u/0', address: 'olena@brightpath.studio' });
    expect(result.view).toEqual({ name: 'inbox', params: [], page: 1 });
    expect(result.threads).toHaveLength(6);
    expect(result.health).toMatchObject({ seen: 6, healthy: false });
  });

  it('prints the open conversation of a conversation page', async () => {
    const { out } = captureConsole();
    const file = path.resolve(import.meta.dirname, '../../fixtures/gmail/current-conversation.html');
    const code = await main(['extract', 'gmail', file, '--url', `${URL_INBOX}/FMfcgzQXJWDsKmlrtbgvhKzCqlVNNRCg`]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.view).toMatchObject({ name: 'inbox', conversationToken: 'FMfcgzQXJWDsKmlrtbgvhKzCqlVNNRCg' });
    expect(result.conversation.messages).toHaveLength(4);
    expect(result.threads).toBeUndefined();
  });

  it('reports a conversation URL whose page shows none as an unreadable conversation, not a missing list', async () => {
    const { out } = captureConsole();
    const code = await main(['extract', 'gmail', FIXTURE, '--url', `${URL_INBOX}/FMfcgzQXJWDsKmlrtbgvhKzCqlVNNRCg`]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.health).toMatchObject({ missing: ['conversation'], healthy: false });
    expect(result.threads).toBeUndefined();
  });

  it.each([
    [['extract'], 2, /expected a site/],
    [['extract', 'gmail', FIXTURE], 2, /--url is required/],
    [['extract', 'bogus', FIXTURE, '--url', URL_INBOX], 2, /unknown site "bogus"/],
    [['extract', 'gmail', FIXTURE, '--url', 'not a url'], 2, /is not a URL/],
    [['extract', 'gmail', FIXTURE, '--url', URL_INBOX, '--bogus'], 2, /Unknown option/],
    [['extract', 'gmail', FIXTURE, '--url', URL_INBOX, '--time-zone', 'Mars/Base'], 2, /not an IANA time zone/],
    [['extract', 'gmail', '/nonexistent.html', '--url', URL_INBOX], 1, /cannot read \/nonexistent.html: ENOENT/],
  ])('%j exits %i with a clear message', async (args, code, message) => {
    const { err } = captureConsole();
    expect(await main(args)).toBe(code);
    expect(err.join('\n')).toMatch(message);
  });
});
