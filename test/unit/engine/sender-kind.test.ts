import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import { createPartyClassifier } from '@/lib/engine/client-identity';
import { addressSignal, findCorrespondents, setAsideSignal } from '@/lib/engine/sender-kind';
import { SENDER_RULES } from '@/lib/engine/sender-rules';
import { numberThreads } from '@/lib/engine/thread-numbers';
import type { MailMessage } from '@/lib/engine/types';
import { DAY, HOUR, identity, ME, mail } from './mail-builders';

const now = Date.parse('2026-11-16T12:00:00Z');
const settings = { timeZone: 'UTC' };

describe('what an address says', () => {
  it.each([
    ['noreply@bank.example', { kind: 'machine', word: 'noreply' }],
    ['no-reply@shop.example', { kind: 'machine', word: 'noreply' }],
    ['no_reply@shop.example', { kind: 'machine', word: 'noreply' }],
    ['drive-shares-dm-noreply@google.com', { kind: 'machine', word: 'noreply' }],
    ['donotreply@x.example', { kind: 'machine', word: 'donotreply' }],
    ['do-not-reply@x.example', { kind: 'machine', word: 'donotreply' }],
    ['MAILER-DAEMON@mx.example', { kind: 'machine', word: 'mailerdaemon' }],
    ['postmaster@x.example', { kind: 'machine', word: 'postmaster' }],
    ['bounce-123@mailer.example', { kind: 'machine', word: 'bounce' }],
    ['bounces+abc@x.example', { kind: 'machine', word: 'bounce' }],
    ['list-bounces@x.example', { kind: 'machine', word: 'bounce' }],
    ['noreply@gmail.com', { kind: 'machine', word: 'noreply' }],
    ['notifications@clio.com', { kind: 'role', word: 'notifications' }],
    ['notification@x.example', { kind: 'role', word: 'notification' }],
    ['calendar-notification@google.com', { kind: 'role', word: 'notification' }],
    ['notifications@cns.copaair.com', { kind: 'role', word: 'notifications' }],
    ['renewals@pagerduty.com', { kind: 'role', word: 'renewals' }],
    ['billing@vendor.example', { kind: 'role', word: 'billing' }],
    ['invoice@vendor.example', { kind: 'role', word: 'invoice' }],
    ['invoices@vendor.example', { kind: 'role', word: 'invoices' }],
    ['receipts@vendor.example', { kind: 'role', word: 'receipts' }],
    ['orders@shop.example', { kind: 'role', word: 'orders' }],
    ['order-update@amazon.com', { kind: 'role', word: 'order' }],
    ['shipment-tracking@amazon.com', { kind: 'role', word: 'shipment' }],
    ['newsletter@shop.example', { kind: 'role', word: 'newsletter' }],
    ['news@figma.com', { kind: 'role', word: 'news' }],
    ['store-news@amazon.com', { kind: 'role', word: 'news' }],
    ['marketing@shop.example', { kind: 'role', word: 'marketing' }],
    ['weekly-digest@medium.example', { kind: 'role', word: 'digest' }],
    ['mail@ryaanahmed.com', { kind: 'role', word: 'mail' }],
    ['deltaairlines@t.delta.com', { kind: 'host', host: 't.delta.com' }],
    ['offers@e.brand.example', { kind: 'role', word: 'offers' }],
    ['hello@e2.brand.example', { kind: 'host', host: 'e2.brand.example' }],
    ['team@em.brand.example', { kind: 'host', host: 'em.brand.example' }],
    ['hi@email.brand.example', { kind: 'host', host: 'email.brand.example' }],
    ['customerservice@mail.walgreens.com', { kind: 'host', host: 'mail.walgreens.com' }],
    ['editor@news.paper.example', { kind: 'host', host: 'news.paper.example' }],
    ['anything@lists.example.org', { kind: 'host', host: 'lists.example.org' }],
    ['kyla@substack.com', { kind: 'platform', domain: 'substack.com' }],
    ['usr-vpochxguvsrejsa@user.luma-mail.com', { kind: 'platform', domain: 'luma-mail.com' }],
    ['service@paypal.com', { kind: 'platform', domain: 'paypal.com' }],
    ['design-leaders@googlegroups.com', { kind: 'platform', domain: 'googlegroups.com' }],
  ])('%s is automated or bulk by its address', (address, signal) => {
    expect(addressSignal(address)).toEqual(signal);
  });

  it.each([
    // How small real clients write: a new one must still show as waiting on the user.
    'info@smallfirm.example',
    'hello@bakery.example',
    'contact@studio.example',
    'sales@supplier.example',
    'support@client.example',
    'office@firm.example',
    'team@agency.example',
    'admin@firm.example',
    'accounts@client.example',
    'payments@client.example',
    'events@venue.example',
    // People, with words that only look like roles.
    'robert@fenchelfamilylaw.com',
    'mschonig@gilschonigcpas.com',
    'anna.list@firm.example',
    'notary@firm.example',
    'bill@firm.example',
    'anna@sales.example.com',
    'mailbox.anna@firm.example',
    // On free mail the local part is a person's own choice of name.
    'news.anna@gmail.com',
    'billing.smith@outlook.com',
    'mail@gmail.com',
    'amazonrealtygrp@gmail.com',
  ])('%s looks like a person', (address) => {
    expect(addressSignal(address)).toBeUndefined();
  });

  it('has one rule per word, label and domain, each of one kind', () => {
    const keys = SENDER_RULES.map((rule) => `${rule.kind}:${rule.word ?? rule.label ?? rule.domain}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of SENDER_RULES) expect([rule.word, rule.label, rule.domain].filter(Boolean)).toHaveLength(1);
  });

  it('never throws on any text, and names a signal only for an address', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const signal = addressSignal(text);
        if (!text.includes('@')) expect(signal).toBeUndefined();
      }),
    );
  });
});

describe('what overrides the evidence', () => {
  const none = { correspondent: false, included: false };
  const correspondent = { correspondent: true, included: false };
  const included = { correspondent: false, included: true };
  const role = { kind: 'role', word: 'billing' } as const;
  const machine = { kind: 'machine', word: 'noreply' } as const;
  const promotions = { kind: 'gmail-category', category: 'promotions' } as const;
  const listId = { kind: 'header', header: 'list-id' } as const;

  it('lets correspondence override roles, hosts, platforms and Gmail categories', () => {
    expect(setAsideSignal(role, none)).toEqual(role);
    expect(setAsideSignal(role, correspondent)).toBeUndefined();
    expect(setAsideSignal({ kind: 'platform', domain: 'substack.com' }, correspondent)).toBeUndefined();
    expect(setAsideSignal({ kind: 'host', host: 't.delta.com' }, correspondent)).toBeUndefined();
    expect(setAsideSignal(undefined, none, promotions)).toEqual(promotions);
    expect(setAsideSignal(undefined, correspondent, promotions)).toBeUndefined();
  });

  it('never lets it override a machine address or what a message declared of itself', () => {
    expect(setAsideSignal(machine, correspondent)).toEqual(machine);
    expect(setAsideSignal(undefined, correspondent, listId)).toEqual(listId);
    expect(setAsideSignal(undefined, correspondent, { kind: 'calendar' })).toEqual({ kind: 'calendar' });
    expect(setAsideSignal(role, none, listId)).toEqual(listId);
  });

  it("lets the user's own 'this is a client' override everything", () => {
    expect(setAsideSignal(machine, included, listId)).toBeUndefined();
    expect(setAsideSignal(role, included, promotions)).toBeUndefined();
  });
});

describe('correspondence', () => {
  const classify = createPartyClassifier(identity);
  const correspondents = (messages: MailMessage[]) =>
    findCorrespondents(messages, messages.map(classify), numberThreads(messages));

  it('is the user starting an exchange with an address, or an address answering the user', () => {
    const found = correspondents([
      mail({ id: 'a', threadId: 't1', from: ME, to: ['billing@partner.example'], at: 1 }),
      mail({ id: 'b', threadId: 't2', from: 'alerts@bank.example', at: 1 }),
      mail({ id: 'c', threadId: 't2', from: ME, to: ['alerts@bank.example'], at: 2 }),
      mail({ id: 'd', threadId: 't2', from: 'alerts@bank.example', at: 3 }),
    ]);
    expect([...found].sort()).toEqual(['alerts@bank.example', 'billing@partner.example']);
  });

  it('is not answering a notice that nobody answers back, nor replying to all with a list in copy', () => {
    const found = correspondents([
      mail({ id: 'a', threadId: 't1', from: 'renewals@vendor.example', at: 1 }),
      mail({ id: 'b', threadId: 't1', from: ME, to: ['renewals@vendor.example'], at: 2 }),
      mail({ id: 'c', threadId: 't2', from: 'anna@acme.example', to: [ME], cc: ['dev@lists.acme.example'], at: 1 }),
      mail({ id: 'd', threadId: 't2', from: ME, to: ['anna@acme.example', 'dev@lists.acme.example'], at: 2 }),
    ]);
    expect([...found]).toEqual([]);
  });

  it('takes no part from messages a source declared bulk', () => {
    const found = correspondents([
      mail({ id: 'a', threadId: 't1', from: ME, to: ['news@letters.example'], at: 1 }),
      { ...mail({ id: 'b', threadId: 't1', from: 'alerts@bank.example', at: 2 }), bulk: { kind: 'calendar' } },
    ]);
    expect([...found]).toEqual(['news@letters.example']);
  });
});

describe('the engine sets automated senders aside', () => {
  const analyze = (messages: MailMessage[], overrides = {}) =>
    analyzeAccount({ messages, identity, settings, now, overrides });

  it('sets aside a client whose every message is automated, with each sender and why', () => {
    const { clients, setAside } = analyze([
      mail({ id: 'r1', threadId: 'r', from: 'renewals@vendor.example', at: now - 3 * DAY }),
      mail({ id: 'r2', threadId: 'r', from: ME, to: ['renewals@vendor.example'], at: now - 2 * DAY }),
      mail({ id: 'n1', threadId: 'n', from: 'no-reply@vendor.example', at: now - DAY }),
    ]);
    expect(clients).toEqual([]);
    expect(setAside).toEqual([
      {
        key: 'vendor.example',
        kind: 'org',
        name: 'vendor.example',
        messages: 3,
        lastAt: now - DAY,
        senders: [
          {
            address: 'no-reply@vendor.example',
            name: '',
            signal: { kind: 'machine', word: 'noreply' },
            messages: 1,
            lastAt: now - DAY,
          },
          {
            address: 'renewals@vendor.example',
            name: '',
            signal: { kind: 'role', word: 'renewals' },
            messages: 2,
            lastAt: now - 2 * DAY,
          },
        ],
        senderCount: 2,
      },
    ]);
  });

  it('keeps a client with real people; its notices count for nothing, neither as contact nor as its addresses', () => {
    const { clients, setAside } = analyze([
      mail({ id: 'p1', threadId: 'p', from: 'dana@client.example', at: now - 5 * DAY }),
      mail({ id: 'p2', threadId: 'p', from: ME, to: ['dana@client.example'], at: now - 4 * DAY }),
      mail({ id: 'x1', threadId: 'x', from: 'notifications@client.example', at: now - HOUR }),
    ]);
    expect(setAside).toEqual([]);
    expect(clients).toHaveLength(1);
    expect(clients[0]?.addresses).toEqual(['dana@client.example']);
    expect(clients[0]?.metrics.inbound).toBe(1);
    expect(clients[0]?.metrics.waiting.onUs).toBeUndefined();
  });

  it('keeps info@ of a small firm that writes first as a client waiting on the user', () => {
    const { clients, setAside } = analyze([mail({ from: 'info@smallfirm.example', at: now - 5 * HOUR })]);
    expect(setAside).toEqual([]);
    expect(clients.map((c) => c.key)).toEqual(['smallfirm.example']);
    expect(clients[0]?.metrics.waiting.onUs?.since).toBe(now - 5 * HOUR);
  });

  it('makes a role address the user corresponds with a client, whole history included', () => {
    const { clients, setAside } = analyze([
      mail({ id: 'b1', threadId: 'b', from: 'billing@partner.example', at: now - 9 * DAY }),
      mail({ id: 'b2', threadId: 'c', from: ME, to: ['billing@partner.example'], at: now - 3 * DAY }),
      mail({ id: 'b3', threadId: 'c', from: 'billing@partner.example', at: now - 2 * DAY }),
    ]);
    expect(setAside).toEqual([]);
    expect(clients[0]?.metrics.inbound).toBe(2);
  });

  it('leaves out messages their source declared bulk, even from a client', () => {
    const { clients } = analyze([
      mail({ id: 'c1', threadId: 'c', from: 'dana@client.example', at: now - 5 * DAY }),
      mail({ id: 'c2', threadId: 'c', from: ME, to: ['dana@client.example'], at: now - 4 * DAY }),
      {
        ...mail({ id: 'c3', threadId: 'l', from: 'dana@client.example', at: now - HOUR }),
        bulk: { kind: 'header', header: 'list-unsubscribe' },
      },
    ]);
    expect(clients[0]?.metrics.inbound).toBe(1);
    expect(clients[0]?.metrics.waiting.onUs).toBeUndefined();
  });

  it('counts every message of a client the user included, and sets nothing of it aside', () => {
    const messages = [
      mail({ id: 'r1', threadId: 'r', from: 'renewals@vendor.example', at: now - 3 * DAY }),
      mail({ id: 'n1', threadId: 'n', from: 'no-reply@vendor.example', at: now - DAY }),
    ];
    const { clients, setAside } = analyze(messages, { clients: { 'vendor.example': { include: true } } });
    expect(setAside).toEqual([]);
    expect(clients.map((c) => c.key)).toEqual(['vendor.example']);
    expect(clients[0]?.metrics.inbound).toBe(2);
  });

  it('keeps a client the user watches, whatever its mail', () => {
    const { clients, setAside } = analyzeAccount({
      messages: [mail({ from: 'noreply@watched.example', at: now - DAY })],
      identity,
      settings,
      now,
      watchedClients: ['watched.example'],
    });
    expect(setAside).toEqual([]);
    expect(clients.map((c) => c.key)).toEqual(['watched.example']);
    expect(clients[0]?.metrics.inbound).toBe(0);
  });
});
