import { describe, expect, it } from 'vitest';
import { generateMailbox } from '../../demo/mailbox/generate';
import type { DemoAccount, DemoMessage } from '../../demo/mailbox/types';

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
const mailbox = generateMailbox({ seed: 7, now: NOW });
const primary = mailbox.accounts[0] as DemoAccount;

function messagesOf(key: string): DemoMessage[] {
  return primary.threads
    .filter((t) => t.clientKey === key)
    .flatMap((t) => t.messages)
    .sort((a, b) => a.at - b.at);
}

describe('demo mailbox generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateMailbox({ seed: 7, now: NOW }))).toBe(JSON.stringify(mailbox));
    expect(JSON.stringify(generateMailbox({ seed: 8, now: NOW }))).not.toBe(JSON.stringify(mailbox));
  });

  it('has two accounts, 30+ clients of every kind, colleagues and automated senders', () => {
    expect(mailbox.accounts.map((a) => a.address)).toEqual([
      'olena@brightpath.studio',
      'olena.kovalenko.design@gmail.com',
    ]);
    expect(primary.clients.length).toBeGreaterThanOrEqual(30);
    expect(primary.clients.some((c) => c.kind === 'person')).toBe(true);
    expect(primary.clients.some((c) => c.kind === 'org' && c.people.length > 1)).toBe(true);
    expect(primary.clients.some((c) => c.key.endsWith('.co.uk') || c.key.endsWith('.com.ua'))).toBe(true);
    expect(primary.threads.some((t) => t.kind === 'colleague')).toBe(true);
    expect(primary.threads.some((t) => t.kind === 'newsletter')).toBe(true);
    expect(primary.threads.some((t) => t.kind === 'notification')).toBe(true);
  });

  it('spans a year, never beyond now, with every message id encoding its time', () => {
    const all = mailbox.accounts.flatMap((a) => a.threads.flatMap((t) => t.messages));
    expect(Math.min(...all.map((m) => m.at))).toBeLessThan(NOW - 300 * DAY);
    expect(Math.max(...all.map((m) => m.at))).toBeLessThanOrEqual(NOW);
    for (const message of all) {
      expect(BigInt(`0x${message.hex}`) >> 20n).toBe(BigInt(message.at));
      expect(BigInt(message.id)).toBe(BigInt(`0x${message.hex}`));
    }
    for (const thread of primary.threads) expect(thread.id).toBe(thread.messages[0]?.id);
  });

  it('plays every scenario the product must catch', () => {
    for (const key of mailbox.scenarios.waitingOnUs) {
      const last = messagesOf(key).at(-1);
      expect(last?.direction).toBe('in');
      expect(NOW - (last?.at ?? NOW)).toBeGreaterThanOrEqual(3 * DAY);
    }
    for (const key of mailbox.scenarios.stoppedAnswering) {
      const tail = messagesOf(key).slice(-3);
      expect(tail.map((m) => m.direction)).toEqual(['out', 'out', 'out']);
      expect(NOW - (tail[0]?.at ?? NOW)).toBeGreaterThan(21 * DAY);
    }
    for (const key of mailbox.scenarios.goingQuiet) {
      expect(NOW - (messagesOf(key).at(-1)?.at ?? NOW)).toBeGreaterThan(45 * DAY);
    }
    for (const key of mailbox.scenarios.newClient) {
      expect(NOW - (messagesOf(key)[0]?.at ?? 0)).toBeLessThan(90 * DAY);
    }
    for (const key of mailbox.scenarios.complaintCompetitor) {
      const recent = messagesOf(key).filter((m) => m.direction === 'in' && NOW - m.at < 10 * DAY);
      expect(recent.map((m) => m.body).join(' ')).toMatch(/cancel|cheaper|дешевше|розірвати|расторж/i);
    }
  });

  it('writes in English, Ukrainian and Russian', () => {
    const bodies = primary.threads.flatMap((t) => t.messages.map((m) => m.body)).join('\n');
    expect(bodies).toMatch(/Дякую/);
    expect(bodies).toMatch(/Спасибо/);
    expect(bodies).toMatch(/Thanks/);
  });

  it('scales to thousands of threads', () => {
    const big = generateMailbox({ seed: 1, now: NOW, scale: { threads: 5000 } });
    const clientThreads = big.accounts[0]?.threads.filter((t) => t.kind === 'client') ?? [];
    expect(clientThreads.length).toBeGreaterThanOrEqual(5000);
    expect(clientThreads.length).toBeLessThan(5100);
    expect(generateMailbox({ seed: 1, now: NOW, extraClients: 3 }).accounts[0]?.clients).toHaveLength(35);
  });
});
