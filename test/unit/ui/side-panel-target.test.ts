import { describe, expect, it, vi } from 'vitest';
import type { KeepwarmDb } from '@/lib/store/db';
import { activitySeries } from '@/lib/ui/activity-series';
import { clientDetail, riskiestClients, TIMELINE_SHOWN } from '@/lib/ui/client-detail';
import { gmailThreadUrl } from '@/lib/ui/open-in-gmail';
import { clientOfThread, isSidePanelClient, targetOfTab } from '@/lib/ui/side-panel-target';
import { freshDbPerTest } from '../store/fresh-db';
import { account, mailbox, NOW, seedDemo } from './demo-clients';

let db: KeepwarmDb;
freshDbPerTest('panel', (fresh) => {
  db = fresh;
});

const WEEK = 7 * 86_400_000;
const TOKEN_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfBvXbnTjVfdNzwhLjZlpXqcm';

describe('what the side panel follows', () => {
  it('a conversation its content script reported, only while the tab still shows it', () => {
    const reported = { url: TOKEN_URL, account: account.address, threadId: '123' };
    expect(targetOfTab(TOKEN_URL, reported)).toEqual({ kind: 'thread', account: account.address, threadId: '123' });
    expect(targetOfTab(`${TOKEN_URL}x`, reported)).toEqual({ kind: 'reading' });
    expect(targetOfTab('https://mail.google.com/mail/u/0/#inbox', reported)).toEqual({ kind: 'overview' });
  });

  it('a thread Keepwarm opened by its hex id, in the account of the URL', () => {
    const thread = account.threads[0];
    if (!thread) throw new Error('no thread');
    expect(targetOfTab(`https://mail.google.com/mail/u/1/#inbox/${thread.hex}`, undefined)).toEqual({
      kind: 'thread',
      accountPath: 'u/1',
      threadId: thread.id,
    });
    expect(gmailThreadUrl('u/1', thread.id)).toBe(`https://mail.google.com/mail/u/1/#inbox/${thread.hex}`);
    expect(gmailThreadUrl(undefined, 'not-an-id')).toBe('https://mail.google.com/mail/u/0/#inbox');
  });

  it('the known client of a CRM record, only while the tab still shows that record', () => {
    const url = 'https://app.hubspot.com/contacts/1/record/0-1/5101';
    const record = { url, account: account.address, clientKey: 'acme.com' };
    expect(targetOfTab(url, undefined, record)).toEqual({
      kind: 'client',
      account: account.address,
      clientKey: 'acme.com',
    });
    expect(targetOfTab('https://app.hubspot.com/contacts/1/record/0-1/5102', undefined, record)).toEqual({
      kind: 'overview',
    });
    expect(targetOfTab(url, undefined, { url, candidate: 'fresh.de' })).toEqual({
      kind: 'candidate',
      candidate: 'fresh.de',
    });
    // Gmail's own conversations are never taken for a CRM record.
    expect(targetOfTab(TOKEN_URL, undefined, { ...record, url: TOKEN_URL })).toEqual({ kind: 'reading' });
  });

  it('any other page, or no URL it may read, shows the overview', () => {
    for (const url of [
      undefined,
      'https://example.com/#inbox/abc',
      'not a url',
      'https://mail.google.com/mail/u/0/#settings/general',
    ])
      expect(targetOfTab(url, undefined)).toEqual({ kind: 'overview' });
  });

  it('only a well-formed badge choice counts', () => {
    expect(isSidePanelClient({ account: 'a@b.com', clientKey: 'acme.com' })).toBe(true);
    expect(isSidePanelClient({ account: 'a@b.com' })).toBe(false);
    expect(isSidePanelClient('acme.com')).toBe(false);
    expect(isSidePanelClient(undefined)).toBe(false);
  });

  it('finds the client of a thread from its messages, by account path or address', async () => {
    await seedDemo(db);
    const key = mailbox.scenarios.waitingOnUs[0] ?? '';
    const thread = account.threads.find((t) => t.clientKey === key);
    if (!thread) throw new Error('no thread');
    expect(await clientOfThread(db, { kind: 'thread', accountPath: 'u/0', threadId: thread.id })).toEqual({
      account: account.address,
      clientKey: key,
    });
    expect(await clientOfThread(db, { kind: 'thread', accountPath: 'u/5', threadId: thread.id })).toBeUndefined();
    const colleague = account.threads.find((t) => t.kind === 'colleague');
    expect(
      await clientOfThread(db, { kind: 'thread', account: account.address, threadId: colleague?.id ?? '' }),
    ).toBeUndefined();
  });

  it('reads one client’s detail: report, 90 days of activity, the latest messages first', async () => {
    await seedDemo(db);
    const key = mailbox.scenarios.complaintCompetitor[0] ?? '';
    const detail = await clientDetail(db, account.address, key, NOW);
    expect(detail?.client.key).toBe(key);
    expect(detail?.accountPath).toBe('u/0');
    expect(detail?.activity).toHaveLength(13);
    const times = detail?.timeline.map((m) => m.at) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await clientDetail(db, account.address, 'nobody.example', NOW)).toBeUndefined();
  });

  it('reads only the threads it shows, yet shows exactly what reading every message of the client would', async () => {
    await seedDemo(db);
    const bulkRead = vi.spyOn(db.messages, 'where');
    for (const client of await db.clients.toArray()) {
      const all = (await db.messages.where('clientRefs').equals(`${client.account}|${client.key}`).toArray())
        .filter((m) => m.senderKnown)
        .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
      bulkRead.mockClear();
      const detail = await clientDetail(db, client.account, client.key, NOW);
      expect(bulkRead.mock.calls.map(([index]) => String(index))).toEqual(
        bulkRead.mock.calls.map(() => '[account+threadId]'),
      );
      expect(detail?.timeline.map((m) => m.id)).toEqual(all.slice(0, TIMELINE_SHOWN).map((m) => m.id));
      expect(detail?.messageCount).toBe(all.length);
      // The chart comes from the report alone, and counts each of the client's messages of its weeks once.
      expect(detail?.activity).toEqual(client.report.activity && activitySeries(client.report.activity, NOW));
      for (const week of detail?.activity ?? []) {
        const inWeek = all.filter((m) => m.at >= week.start && m.at < week.start + WEEK && m.at <= NOW);
        const sent = inWeek.filter((m) => m.from.email === client.account).length;
        expect({ received: week.received, sent: week.sent }).toEqual({ received: inWeek.length - sent, sent });
      }
    }
    // Every client of the demo read twice in fake IndexedDB: seconds alone, far more on a busy machine.
  }, 300_000);

  it('lists the riskiest clients, highest score first, limited', async () => {
    await seedDemo(db);
    const riskiest = await riskiestClients(db, 5);
    expect(riskiest).toHaveLength(5);
    const scores = riskiest.map((c) => c.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s >= 25)).toBe(true);
  });
});
