import { describe, expect, it } from 'vitest';
import { readGmailAccount } from '@/lib/sites/gmail/account';
import { parseHtml } from './fixtures';

const page = (title: string, banner = '') =>
  parseHtml(`<html><head><title>${title}</title></head><body><header role="banner">${banner}</header></body></html>`);

describe('Gmail account', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'u/0'],
    ['https://mail.google.com/mail/u/3/#sent', 'u/3'],
    ['https://mail.google.com/mail/#inbox', 'u/0'],
    ['https://mail.google.com/mail/b/113445/u/1/#inbox', 'b/113445/u/1'],
  ])('%s is account %s', (url, accountPath) => {
    expect(readGmailAccount(new URL(url), page('Inbox (3) - olena@brightpath.studio - Gmail'))).toEqual({
      accountPath,
      address: 'olena@brightpath.studio',
    });
  });

  it('still takes the tab title alone', () => {
    expect(readGmailAccount(new URL('https://mail.google.com/mail/u/1/'), 'Sent - raj@acme.io - Gmail')).toEqual({
      accountPath: 'u/1',
      address: 'raj@acme.io',
    });
    expect(readGmailAccount(new URL('https://mail.google.com/mail/u/1/'), 'Sent - Gmail')).toEqual({
      accountPath: 'u/1',
    });
  });

  it('reads the address from a localized title', () => {
    expect(
      readGmailAccount(new URL('https://mail.google.com/mail/u/0/'), page('Вхідні (2) - Olena@Example.com - Gmail'))
        ?.address,
    ).toBe('olena@example.com');
  });

  it('falls back to the header when the title names the organisation', () => {
    const aria = page(
      'Inbox - Brightpath Mail',
      '<a aria-label="Google Account: Olena K (olena@brightpath.studio)"></a>',
    );
    expect(readGmailAccount(new URL('https://mail.google.com/mail/u/0/'), aria)?.address).toBe(
      'olena@brightpath.studio',
    );
    const link = page(
      'Inbox - Brightpath Mail',
      '<div><span>Olena K</span><span>olena@brightpath.studio</span><a href="https://myaccount.google.com/?authuser=0">Manage</a></div>',
    );
    expect(readGmailAccount(new URL('https://mail.google.com/mail/u/0/'), link)?.address).toBe(
      'olena@brightpath.studio',
    );
  });

  it('never guesses: no address on the page gives none, and other hosts give no account', () => {
    expect(readGmailAccount(new URL('https://mail.google.com/mail/u/0/'), page('Inbox - Gmail'))).toEqual({
      accountPath: 'u/0',
    });
    expect(readGmailAccount(new URL('https://example.com/mail/u/0/'), page('x - a@b.co - Gmail'))).toBeUndefined();
  });
});
