import { describe, expect, it } from 'vitest';
import { rememberCrmRecord, tabsShowing } from '@/lib/background/crm-tabs';

// What the side panel reads to follow a CRM tab: the matched client of the
// record the tab shows, and nothing once it shows anything else.

function fakeSession() {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async () => Object.fromEntries(items),
    set: async (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    remove: async (keys: string | string[]) => {
      for (const key of [keys].flat()) items.delete(key);
    },
  };
}

const URL_A = 'https://app.hubspot.com/contacts/1/record/0-1/5101';
const matched = {
  match: 'matched' as const,
  client: { account: 'me@studio.io', key: 'acme.com', name: 'Acme', score: 40, level: 'watch' as const },
  candidates: ['acme.com'],
};

describe('remembering the CRM record of a tab', () => {
  it('keeps the matched client with the address it was answered for', async () => {
    const session = fakeSession();
    await rememberCrmRecord(session, { id: 7, url: URL_A }, matched);
    expect(session.items.get('crmTab:7')).toEqual({ url: URL_A, account: 'me@studio.io', clientKey: 'acme.com' });
  });

  it('keeps the one domain or address of a record of nobody known, for the panel to offer', async () => {
    const session = fakeSession();
    await rememberCrmRecord(session, { id: 7, url: URL_A }, { match: 'unknown', candidates: ['fresh.de'] });
    expect(session.items.get('crmTab:7')).toEqual({ url: URL_A, candidate: 'fresh.de' });
  });

  it.each([
    { match: 'unknown' as const, candidates: ['fresh.de', 'other.de'] },
    { match: 'ambiguous' as const, candidates: [] },
    { match: 'unreadable' as const, candidates: [] },
  ])('forgets it when the tab moves on to a $match record', async (reply) => {
    const session = fakeSession();
    await rememberCrmRecord(session, { id: 7, url: URL_A }, matched);
    await rememberCrmRecord(session, { id: 7, url: `${URL_A}2` }, reply);
    expect(session.items.has('crmTab:7')).toBe(false);
  });

  it('stores nothing without a tab or its address', async () => {
    const session = fakeSession();
    await rememberCrmRecord(session, undefined, matched);
    await rememberCrmRecord(session, { id: 3 }, matched);
    expect([...session.items.keys()]).toEqual([]);
  });
});

describe('the tabs to ask again after the user watched or forgot a client', () => {
  it('are those showing a record of it, known or offered, and their answers are forgotten', async () => {
    const session = fakeSession();
    await rememberCrmRecord(session, { id: 1, url: URL_A }, matched);
    await rememberCrmRecord(session, { id: 2, url: URL_A }, { match: 'unknown', candidates: ['fresh.de'] });
    await rememberCrmRecord(session, { id: 3, url: URL_A }, { match: 'unknown', candidates: ['other.de'] });
    session.items.set('gmailTab:4', { url: 'x', account: 'me@studio.io', threadId: '1' });
    expect(await tabsShowing(session, 'fresh.de')).toEqual([2]);
    expect(await tabsShowing(session, 'acme.com')).toEqual([1]);
    expect([...session.items.keys()].sort()).toEqual(['crmTab:3', 'gmailTab:4']);
  });
});
