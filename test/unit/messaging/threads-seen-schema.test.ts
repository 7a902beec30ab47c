import { describe, expect, it } from 'vitest';
import { contentGmailThreadsSeenSchema } from '@/lib/features/gmail/messages';

// The list a batch of rows was read in travels with the rows: it decides
// whether their people are senders. A content script left behind by an update
// sends no view, and its rows then tell no sender.

const batch = {
  type: 'content/gmail-threads-seen',
  account: { accountPath: 'u/0', address: 'olena@brightpath.studio' },
  pageLanguage: 'en',
  health: { seen: 0, parsed: 0, failures: {}, missing: [], healthy: true },
  threads: [],
};

describe('the rows a Gmail tab sends, with their view', () => {
  it('takes the view as the URL hash names it, or none', () => {
    expect(contentGmailThreadsSeenSchema.safeParse({ ...batch, view: 'category/social/p2' }).success).toBe(true);
    expect(contentGmailThreadsSeenSchema.safeParse(batch).success).toBe(true);
  });

  it('refuses a view that is not text or is oversized', () => {
    expect(contentGmailThreadsSeenSchema.safeParse({ ...batch, view: ['inbox'] }).success).toBe(false);
    expect(contentGmailThreadsSeenSchema.safeParse({ ...batch, view: 'x'.repeat(501) }).success).toBe(false);
  });
});
