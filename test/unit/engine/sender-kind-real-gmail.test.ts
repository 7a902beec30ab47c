import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { siteExtractors } from '@/lib/cli/sites/registry';
import { accountIdentity } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import { addressSignal, setAsideSignal } from '@/lib/engine/sender-kind';
import type { MailMessage } from '@/lib/engine/types';
import type { ConversationRecord, ThreadRowRecord } from '@/lib/sites/gmail/records';

// The real Gmail pages of 2025 (real people's mail: read here, never copied),
// read the way the command line's `extract gmail` reads them, with their
// scripts removed. Every sender of the consumer inbox is named with what
// Keepwarm makes of it; the rules are the table's, none is about one address.

const DOM_2025 = path.resolve(import.meta.dirname, '../../../../shared/fixtures/gmail/dom-2025');
const INBOX = path.join(DOM_2025, 'gmail-2025-04-consumer-inbox.html');
const CONVERSATION = path.join(DOM_2025, 'gmail-2025-04-workspace-conversation.html');
const NOW = Date.UTC(2025, 3, 10);

function extract(file: string, url: string) {
  const html = readFileSync(file, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const window = new Window({ url });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const extractor = siteExtractors.gmail;
  if (!extractor) throw new Error('no Gmail extractor');
  const result = extractor({ document, url: new URL(url), me: [], timeZone: 'America/New_York', now: NOW });
  void window.happyDOM.close();
  return result as { threads?: ThreadRowRecord[]; conversation?: ConversationRecord };
}

describe.skipIf(!existsSync(INBOX))('the real 2025 consumer inbox, sender by sender', () => {
  it('sets aside the airline, shops, newsletters, payment, event and notification senders, and keeps the people', () => {
    const threads = extract(INBOX, 'https://mail.google.com/mail/u/1/#inbox').threads ?? [];
    expect(threads).toHaveLength(50);
    // A row does not say who wrote first: everyone in a thread the user took part in counts as written to.
    const writtenTo = new Set(
      threads
        .filter((t) => t.participants.some((p) => p.isMe))
        .flatMap((t) => t.participants.filter((p) => !p.isMe).map((p) => p.email.toLowerCase())),
    );
    const verdicts: Record<string, string> = {};
    for (const thread of threads) {
      for (const { email, isMe } of thread.participants) {
        if (isMe) continue;
        const address = email.toLowerCase();
        const signal = setAsideSignal(addressSignal(address), {
          correspondent: writtenTo.has(address),
          included: false,
        });
        verdicts[address] = signal ? `${signal.kind}: ${Object.values(signal).slice(1).join()}` : 'client';
      }
    }
    expect(verdicts).toEqual({
      // The law firms the user corresponds with, the accountant, and people on free mail.
      'robert@fenchelfamilylaw.com': 'client',
      'shannon@fenchelfamilylaw.com': 'client',
      'hbentaleb@rflawllp.com': 'client',
      'mschonig@gilschonigcpas.com': 'client',
      'ben@substrate.run': 'client',
      'rkarpay88@gmail.com': 'client',
      'robertkarpay@gmail.com': 'client',
      'guomax@gmail.com': 'client',
      'dan.demmitt@gmail.com': 'client',
      // Nothing against this one: a person on free mail, in a thread the user is copied on.
      'amazonrealtygrp@gmail.com': 'client',
      // The law firm's case-management notices (Clio), the airlines, medical and broker notices.
      'notifications@clio.com': 'role: notifications',
      'deltaairlines@t.delta.com': 'host: t.delta.com',
      'notifications@cns.copaair.com': 'role: notifications',
      'notifications@care.onemedical.com': 'role: notifications',
      'notifications@digital-delivery.com': 'role: notifications',
      // Shops and payment.
      'order-update@amazon.com': 'role: order',
      'shipment-tracking@amazon.com': 'role: shipment',
      'service@paypal.com': 'platform: paypal.com',
      // Newsletters, an event platform, a picture frame's and Google Drive's no-reply.
      'kyla@substack.com': 'platform: substack.com',
      'no-reply@substack.com': 'machine: noreply',
      'mail@ryaanahmed.com': 'role: mail',
      'usr-vpochxguvsrejsa@user.luma-mail.com': 'platform: luma-mail.com',
      'no-reply@auraframes.com': 'machine: noreply',
      'drive-shares-dm-noreply@google.com': 'machine: noreply',
    });
  });
});

describe.skipIf(!existsSync(CONVERSATION))('the real 2025 workspace conversation', () => {
  it('sets the vendor’s renewals@ aside, though the user answered it minutes before', () => {
    const conversation = extract(CONVERSATION, 'https://mail.google.com/mail/u/0/#inbox/x').conversation;
    const [notice, reply] = conversation?.messages ?? [];
    if (!notice?.from || !reply?.from || notice.at === undefined) throw new Error('conversation not read');
    expect(notice.from.email).toBe('renewals@pagerduty.com');
    // The reply has no Gmail id yet (#msg-a:): it is given one here, as it will have once Gmail sends it.
    const messages: MailMessage[] = [notice, reply].map((m, i) => ({
      id: m.messageId ?? 'just-sent',
      threadId: 'renewal',
      at: m.at ?? (notice.at ?? 0) + (i + 1) * 60_000,
      from: { email: m.from?.email ?? '' },
      to: m.to.map((p) => ({ email: p.email })),
      cc: [],
      subject: conversation?.subject ?? '',
      snippet: '',
    }));
    const me = reply.from.email;
    const { clients, setAside } = analyzeAccount({ messages, identity: accountIdentity(me), now: NOW });
    expect(clients).toEqual([]);
    expect(setAside.map((c) => [c.key, c.messages, c.senders.map((s) => s.signal)])).toEqual([
      ['pagerduty.com', 2, [{ kind: 'role', word: 'renewals' }]],
    ]);
  });
});
