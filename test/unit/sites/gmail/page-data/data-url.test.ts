import { describe, expect, it } from 'vitest';
import { accountIndexOf, isGmailDataUrl } from '@/lib/sites/gmail/page-data/data-url';

describe('isGmailDataUrl', () => {
  it.each([
    'https://mail.google.com/sync/u/0/i/bv?hl=en&c=0&rt=r&pt=ji',
    'https://mail.google.com/sync/u/12/i/fd?hl=en&c=3&rt=r&pt=ji',
    'https://mail.google.com/mail/u/0/?ui=2&ik=1f119f7bbb&view=tl&start=0&num=50&search=inbox',
    'https://mail.google.com/mail/u/1/?ui=2&ik=1f119f7bbb&view=cv&th=19a9e15b7a82dc3c',
    'https://mail.google.com/mail/?ui=2&view=tl&search=inbox',
  ])('reads %s', (url) => expect(isGmailDataUrl(url)).toBe(true));

  it.each([
    'https://mail.google.com/sync/u/0/i/s?hl=en',
    'https://mail.google.com/sync/u/0/i/bv/extra',
    'https://mail.google.com/mail/u/0/?ui=2&view=att&th=19a9e15b7a82dc3c',
    'https://mail.google.com/mail/u/0/?ui=2&act=sm',
    'https://mail.google.com/mail/u/0/#inbox',
    'http://mail.google.com/sync/u/0/i/bv',
    'https://mail.google.com.evil.example/sync/u/0/i/bv',
    'https://evil.example/mail.google.com/sync/u/0/i/bv',
    'not a url',
    '',
  ])('leaves %s', (url) => expect(isGmailDataUrl(url)).toBe(false));
});

describe('accountIndexOf', () => {
  it('names the account of sync, mail and bare mail URLs, and nothing elsewhere', () => {
    expect(accountIndexOf('https://mail.google.com/sync/u/3/i/bv')).toBe(3);
    expect(accountIndexOf('https://mail.google.com/mail/u/1/#inbox')).toBe(1);
    expect(accountIndexOf('https://mail.google.com/mail/?ui=2&view=tl')).toBe(0);
    expect(accountIndexOf('https://mail.google.com/chat/u/1/')).toBeUndefined();
    expect(accountIndexOf('https://example.com/mail/u/1/')).toBeUndefined();
  });
});
