// Small builders for engine tests: readable messages and a seeded synthetic
// mailbox of many clients.
import type { AccountIdentity, MailMessage } from '@/lib/engine/types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ME = 'olena@studio.example';
export const identity: AccountIdentity = {
  addresses: [ME, 'hello@studio.example'],
  internalDomains: ['studio.example'],
};

let counter = 0;
const threadNumbers = new Map<string, number>();

/** One number per thread id, as the grouping gives a client's messages (thread-numbers.ts). */
export function threadNumber(threadId: string): number {
  let thread = threadNumbers.get(threadId);
  if (thread === undefined) {
    thread = threadNumbers.size;
    threadNumbers.set(threadId, thread);
  }
  return thread;
}

export function mail(
  fields: Partial<Omit<MailMessage, 'from' | 'to' | 'cc'>> & { from: string; to?: string[]; cc?: string[]; at: number },
): MailMessage {
  counter += 1;
  return {
    id: fields.id ?? `m${counter}`,
    threadId: fields.threadId ?? 't1',
    at: fields.at,
    from: { email: fields.from },
    to: (fields.to ?? [ME]).map((email) => ({ email })),
    cc: (fields.cc ?? []).map((email) => ({ email })),
    subject: fields.subject ?? 'Project',
    snippet: fields.snippet ?? '',
  };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A mailbox of `clients` clients and about `messages` messages over two years
 * before `now`: threads opened by either side, answered after random delays,
 * some left unanswered. Every fifth client writes from free mail.
 */
export function syntheticMailbox(clients: number, messages: number, now: number, seed = 1): MailMessage[] {
  const random = mulberry32(seed);
  const out: MailMessage[] = [];
  const span = 730 * DAY;
  let thread = 0;
  while (out.length < messages) {
    const c = Math.floor(random() * clients);
    const address = c % 5 === 0 ? `person${c}@gmail.com` : `contact${c % 3}@client${c}.example`;
    thread += 1;
    let at = now - span * random() ** 0.7;
    let fromClient = random() < 0.6;
    const length = 1 + Math.floor(random() * 6);
    for (let i = 0; i < length && at < now && out.length < messages; i++) {
      out.push({
        id: `s${out.length}`,
        threadId: `th${thread}`,
        at: Math.floor(at),
        from: { email: fromClient ? address : ME },
        to: [{ email: fromClient ? ME : address }],
        cc: [],
        subject: i === 0 ? `Request ${thread}` : `Re: Request ${thread}`,
        snippet:
          random() < 0.02
            ? 'We are not happy with the delays, thinking about another agency'
            : 'Thanks, see the notes below',
      });
      at += HOUR * Math.exp(random() * 5);
      fromClient = !fromClient;
    }
  }
  return out;
}
