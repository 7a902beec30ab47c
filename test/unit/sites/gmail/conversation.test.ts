import { describe, expect, it } from 'vitest';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { conversationSchema } from '@/lib/sites/gmail/schemas';
import { parseTitleTime } from '@/lib/sites/gmail/title-time';
import { DEMO_ME, DEMO_NOW, demoConversationThread, loadFixture, parseHtml } from './fixtures';

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
    // A reply Gmail has not synced yet has a msg-a id and no legacy id: its time comes from the title.
    expect(justSent).toMatchObject({ timeSource: 'title', at: Date.UTC(2026, 10, 18, 9, 10) });
    expect(justSent?.messageId).toBeUndefined();
    expect(last?.to.map((p) => p.email)).toEqual(['olena@brightpath.studio', 'raj@acmelogistics.com']);
    expect(health).toMatchObject({ seen: 4, parsed: 3, failures: { messageId: 1 } });
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
});
