import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { conversationSchema } from '@/lib/sites/gmail/schemas';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { DEMO_ME, DEMO_NOW, demoConversationThread, loadFixture, parseHtml, REAL_2025 } from './fixtures';

const ctx = (timeZone: string) => ({
  myAddresses: [DEMO_ME],
  now: DEMO_NOW,
  parseTitleTime: (title: string) => parseTitleTime(title, { timeZone, now: DEMO_NOW }),
});

describe('opened conversation', () => {
  it('reads the demo conversation: ids, senders, exact times, folded count', () => {
    const { conversation, health } = extractConversation(
      loadFixture('demo-conversation') as Document,
      ctx('Europe/Kyiv'),
    );
    const truth = demoConversationThread;
    expect(health.healthy).toBe(true);
    expect(conversation?.threadId).toBe(truth?.id);
    expect(conversation?.legacyThreadId).toBe(truth?.hex);
    expect(conversation?.subject).toBe(truth?.subject);
    expect((conversation?.messages.length ?? 0) + (conversation?.foldedCount ?? 0)).toBe(truth?.messages.length);
    for (const message of conversation?.messages ?? []) {
      const real = truth?.messages.find((m) => m.id === message.messageId);
      expect(message.at).toBe(real?.at);
      expect(message.from?.email).toBe(real?.from.email);
      expect(message.from?.isMe).toBe(real?.from.email === DEMO_ME);
    }
    expect(conversationSchema.safeParse(conversation).success).toBe(true);
  });

  it('reads collapsed, expanded and just-sent messages of current markup', () => {
    const { conversation, health } = extractConversation(
      loadFixture('current-conversation') as Document,
      ctx('America/New_York'),
    );
    expect(conversation?.subject).toBe('Website refresh: next steps 🚀');
    expect(conversation?.foldedCount).toBe(3);
    expect(conversation?.messages.map((m) => m.state)).toEqual(['collapsed', 'collapsed', 'expanded', 'expanded']);
    const [first, , justSent, last] = conversation?.messages ?? [];
    expect(first?.at).toBe(Date.UTC(2026, 10, 2, 9, 0));
    // A reply Gmail has not synced yet has a msg-a id and no legacy id: its time comes from the title,
    // and it has no id until Gmail gives it its final one. A known state, so the page stays healthy.
    expect(justSent).toMatchObject({ timeSource: 'title', at: Date.UTC(2026, 10, 18, 9, 10) });
    expect(justSent?.messageId).toBeUndefined();
    expect(last?.to.map((p) => p.email)).toEqual(['olena@brightpath.studio', 'raj@acmelogistics.com']);
    expect(health).toEqual({ seen: 4, parsed: 4, failures: {}, missing: [], healthy: true });
    expect(conversationSchema.safeParse(conversation).success).toBe(true);
  });

  it.each(['conversation-until-2023', 'conversation-2018'])('reads the same conversation in %s markup', (fixture) => {
    const current = extractConversation(loadFixture('current-conversation') as Document, ctx('America/New_York'));
    const older = extractConversation(loadFixture(fixture) as Document, ctx('America/New_York'));
    expect(older).toEqual(current);
  });

  it('finds no conversation on a list page, and refuses the literal "undefined" thread id', () => {
    expect(extractConversation(loadFixture('demo-inbox') as Document, ctx('UTC')).conversation).toBeUndefined();
    const doc = parseHtml(
      '<div role="main"><div class="a98 iY"><h2 class="hP" data-thread-perm-id="undefined">Hi</h2></div></div>',
    );
    const { conversation, health } = extractConversation(doc, ctx('UTC'));
    expect(conversation?.threadId).toBeUndefined();
    expect(health.healthy).toBe(false);
  });

  it.each([
    ['a just-sent reply', '#msg-a:r-3813093717009887474', null, undefined, []],
    ['a just-sent reply, no dash', 'msg-a:r8487391376750143986', null, undefined, []],
    ['a synced message', '#msg-f:1828907528778129395', null, '1828907528778129395', []],
    ['a synced message, legacy id only', null, '196195b51bdb9ff3', '1828907528778129395', []],
    // A msg-a id beside a legacy one: the legacy id is the message's, the msg-a one never is.
    ['a msg-a id with its legacy id', '#msg-a:r-12', '196195b51bdb9ff3', '1828907528778129395', []],
    ['a thread id where a message id belongs', '#thread-f:1828907528778129395', null, undefined, ['messageId']],
    ['junk', 'msg-f:12abc', null, undefined, ['messageId']],
    ['nothing', null, null, undefined, ['messageId']],
  ])('reads %s (%s, legacy %s) as id %s', (_, messageId, legacyId, expected, failed) => {
    const attributes = [
      messageId === null ? '' : ` data-message-id="${messageId}"`,
      legacyId === null ? '' : ` data-legacy-message-id="${legacyId}"`,
    ].join('');
    const doc = parseHtml(
      `<div role="main"><div class="a98 iY"><h2 class="hP" data-thread-perm-id="thread-f:1828907528778129395">Renewal</h2>
       <div class="adn"${attributes}><span class="gD" email="${DEMO_ME}" name="me">me</span>
       <span class="g3" title="Wed, Apr 9, 2025, 4:01 AM">4:01 AM</span></div></div></div>`,
    );
    const { conversation, health } = extractConversation(doc, ctx('America/New_York'));
    expect(conversation?.messages[0]?.messageId).toBe(expected);
    expect(Object.keys(health.failures)).toEqual(failed);
    expect(health.healthy).toBe(failed.length === 0);
  });

  it('names an unreadable conversation by the view it is in, never as a missing list', () => {
    const doc = parseHtml('<div role="main"><div class="a98"></div></div>');
    // On a conversation's URL the missing part is the conversation; elsewhere nothing is expected of one.
    expect(extractConversation(doc, ctx('UTC'), { opened: true }).health).toMatchObject({
      missing: ['conversation'],
      healthy: false,
    });
    expect(extractConversation(doc, ctx('UTC')).health).toMatchObject({ missing: [], healthy: true });
    const noMessages = parseHtml('<div role="main"><div class="a98 iY"><h2 class="hP">Hi</h2></div></div>');
    expect(extractConversation(noMessages, ctx('UTC'), { opened: true }).health.missing).toEqual(['message']);
  });
});

describe.skipIf(!existsSync(REAL_2025.conversation))('the real 2025 conversation (split layout)', () => {
  it('reads both messages, the reply sent minutes before included, and calls the page healthy', () => {
    const doc = loadFixture('real-2025-conversation') as Document;
    const { conversation, health } = extractConversation(
      doc,
      {
        myAddresses: ['ben@substrate.run'],
        now: Date.UTC(2025, 3, 9, 12),
        parseTitleTime: (title) =>
          parseTitleTime(title, { timeZone: 'America/New_York', now: Date.UTC(2025, 3, 9, 12) }),
      },
      { opened: true },
    );
    expect(health).toEqual({ seen: 2, parsed: 2, failures: {}, missing: [], healthy: true });
    expect(conversation?.threadId).toBe('1828907528778129395');
    const [received, justSent] = conversation?.messages ?? [];
    expect(received).toMatchObject({ messageId: '1828907528778129395', timeSource: 'id' });
    expect(received?.from?.isMe).toBe(false);
    // The reply has no final id yet: the background leaves it until Gmail shows one.
    expect(justSent?.messageId).toBeUndefined();
    expect(justSent?.from?.isMe).toBe(true);
    expect(justSent?.timeSource).toBe('title');
    expect(conversationSchema.safeParse(conversation).success).toBe(true);
  });
});
