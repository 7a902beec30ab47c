import { describe, expect, it } from 'vitest';
import { readGmailView } from '@/lib/sites/gmail/view';

const view = (hash: string) => readGmailView(new URL(`https://mail.google.com/mail/u/0/${hash}`));

describe('Gmail view from the URL', () => {
  it.each([
    ['', { name: 'inbox', params: [], page: 1 }],
    ['#inbox', { name: 'inbox', params: [], page: 1 }],
    ['#sent/p3', { name: 'sent', params: [], page: 3 }],
    ['#label/Clients%2FActive', { name: 'label', params: ['Clients/Active'], page: 1 }],
    ['#category/promotions/p2', { name: 'category', params: ['promotions'], page: 2 }],
    ['#search/from%3Araj+invoice', { name: 'search', params: ['from:raj invoice'], page: 1 }],
    [
      '#inbox/FMfcgzQXJWDsKmlrtbgvhKzCqlVNNRCg',
      { name: 'inbox', params: [], page: 1, conversationToken: 'FMfcgzQXJWDsKmlrtbgvhKzCqlVNNRCg' },
    ],
    ['#label/Acme/FMfcgzQXJWDs', { name: 'label', params: ['Acme'], page: 1, conversationToken: 'FMfcgzQXJWDs' }],
    ['#chat/dm/abc123', { name: 'chat', params: ['dm', 'abc123'], page: 1 }],
  ])('%s', (hash, expected) => {
    expect(view(hash)).toEqual(expected);
  });

  it('keeps a malformed escape as written instead of failing', () => {
    expect(view('#search/100%25+off%E0%A4%A')).toEqual({ name: 'search', params: ['100%25 off%E0%A4%A'], page: 1 });
  });
});
