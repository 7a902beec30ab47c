import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_CHARS, MAX_SCRIPT_CHUNK_CHARS, MAX_THREAD_ENTRIES } from '@/lib/sites/gmail/page-data/limits';
import { parseGmailData } from '@/lib/sites/gmail/page-data/parse-gmail-data';
import { SYNC_BV_LIST } from '../../../../fixtures/gmail/page-data/sync-bv-list';
import { LIST_URL, OLD_LIST_URL, PAGE_URL } from './real-payloads';

const refusal = (text: string, url = LIST_URL, accountPath = '/mail/u/0/') =>
  parseGmailData(text, { url, accountPath }).health.refused;

describe('payloads refused whole', () => {
  it('text that is not Gmail’s', () => {
    for (const text of ['', 'hello', '<!doctype html><p>hi</p>', 'null', '42', '"x"', '{"a":1}', '[1,2,3]']) {
      expect(refusal(text, PAGE_URL)).toEqual({ 'not-gmail': 1 });
    }
  });

  it('a URL that is not Gmail’s, whatever the text', () => {
    expect(refusal(SYNC_BV_LIST, 'https://evil.example/sync/u/0/i/bv')).toEqual({ 'not-gmail': 1 });
    expect(refusal(SYNC_BV_LIST, 'not a url')).toEqual({ 'not-gmail': 1 });
  });

  it('a truncated payload, at any cut', () => {
    for (const cut of [1, 10, 100, SYNC_BV_LIST.length / 2, SYNC_BV_LIST.length - 1]) {
      expect(refusal(SYNC_BV_LIST.slice(0, cut))).toEqual({ truncated: 1 });
    }
    expect(refusal('_GM_setData({"Cl6csf":[["fd",null,"[null,[[0,', PAGE_URL)).toEqual({ truncated: 1 });
  });

  it('a payload over the size limit, before reading a character of it', () => {
    const huge = `{"1":0,"3":[${'0,'.repeat(MAX_PAYLOAD_CHARS / 2)}0]}`;
    expect(refusal(huge)).toEqual({ 'too-large': 1 });
  });

  it('a chunk in the older JavaScript syntax longer than any Gmail sent in it', () => {
    const chunk = `[${','.repeat(MAX_SCRIPT_CHUNK_CHARS)}]`;
    expect(refusal(`)]}'\n\n${chunk}`, OLD_LIST_URL)).toEqual({ 'too-large': 1 });
  });

  it('another account’s data', () => {
    expect(refusal(SYNC_BV_LIST, 'https://mail.google.com/sync/u/1/i/bv', '/mail/u/0/')).toEqual({
      'other-account': 1,
    });
    expect(refusal(SYNC_BV_LIST, 'https://mail.google.com/sync/u/0/i/bv', '/mail/u/1/')).toEqual({
      'other-account': 1,
    });
    expect(refusal(SYNC_BV_LIST, 'https://mail.google.com/sync/u/1/i/bv', '/mail/u/1/')).toEqual({});
  });
});

describe('payloads read only up to their bounds', () => {
  it('a list of a million thread entries: the first ones looked at, the rest counted, unread', () => {
    const text = `)]}'\n\n[["tb",0,[${'[],'.repeat(1_000_000)}[]]]]`;
    const { health } = parseGmailData(text, { url: OLD_LIST_URL });
    expect(health.droppedBy).toEqual({ 'thread-id': MAX_THREAD_ENTRIES, 'over-limit': 1_000_001 - MAX_THREAD_ENTRIES });
  });
});
