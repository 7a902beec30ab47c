import { conversationToken, gmailId } from '../../demo/mailbox/gmail-ids';
import { Random } from '../../demo/mailbox/random';
import type { DemoAccount, DemoClient, DemoMessage, DemoPerson, DemoThread } from '../../demo/mailbox/types';

// A seeded account of any size in the demo mailbox's shape, so the demo Gmail
// can show it and the extension can store it. The first client has a fixed
// share of the threads (the side panel's worst case); the other clients share
// the rest evenly. Ordinary threads end with the user's reply; one client in
// 25 waits on the user and one in 25 stopped answering, so the popup has its
// lists at every size.

export interface AccountSize {
  threads: number;
  messages: number;
  clients: number;
}

export const FULL_SIZE: AccountSize = { threads: 50_000, messages: 300_000, clients: 5_000 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The share of all threads that belongs to the first client. */
const BIG_CLIENT_SHARE = 0.04;

export const SCALE_OWNER: DemoPerson = { email: 'owner@northfield-works.com', name: 'Owner Northfield' };

export function sizeAt(scale: number): AccountSize {
  return {
    threads: Math.max(20, Math.round(FULL_SIZE.threads * scale)),
    messages: Math.max(120, Math.round(FULL_SIZE.messages * scale)),
    clients: Math.max(2, Math.round(FULL_SIZE.clients * scale)),
  };
}

function clientOf(i: number, random: Random): DemoClient {
  const domain = `client-${i}.com`;
  const people = Array.from({ length: i === 0 ? 5 : random.int(1, 3) }, (_, k) => ({
    email: `person${k}@${domain}`,
    name: `Person ${k} of Client ${i}`,
  }));
  return { key: domain, name: `Client ${i}`, kind: 'org', language: 'en', people, scenario: 'healthy' };
}

/** Message counts per thread: 1 to 11, summing to exactly `total`. */
function threadLengths(threads: number, total: number, random: Random): number[] {
  const lengths = Array.from({ length: threads }, () => random.int(1, 11));
  let sum = lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; sum !== total; i = (i + 1) % threads) {
    const length = lengths[i] ?? 1;
    if (sum < total) {
      lengths[i] = length + 1;
      sum += 1;
    } else if (length > 1) {
      lengths[i] = length - 1;
      sum -= 1;
    }
  }
  return lengths;
}

/** Which client each thread belongs to: the big client's share first, the rest spread evenly. */
function threadOwners(size: AccountSize): number[] {
  const big = Math.round(size.threads * BIG_CLIENT_SHARE);
  const rest = size.threads - big;
  const owners: number[] = Array.from({ length: big }, () => 0);
  for (let t = 0; t < rest; t++) owners.push(1 + (t % (size.clients - 1)));
  return owners;
}

/** A year of mail with `size` threads, messages and clients; the same for the same seed and `now`. */
export function syntheticAccount(size: AccountSize, seed: number, now: number): DemoAccount {
  const random = new Random(seed);
  const me = SCALE_OWNER;
  const clients = Array.from({ length: size.clients }, (_, i) => clientOf(i, random));
  const lengths = threadLengths(size.threads, size.messages, random);
  const owners = threadOwners(size);
  // A client's scenario shapes its last thread.
  const latestOf = new Map<number, number>();
  owners.forEach((owner, t) => {
    latestOf.set(owner, t);
  });
  const threads: DemoThread[] = owners.map((owner, t) => {
    const client = clients[owner] as DemoClient;
    const length = lengths[t] ?? 1;
    const latest = latestOf.get(owner) === t;
    const waiting = latest && owner % 25 === 1;
    const stopped = latest && owner % 25 === 2;
    // Starts far enough back that every message of the thread lies in the past.
    let at = now - random.int(20, 360) * DAY - random.int(0, 23) * HOUR;
    if (waiting) at = now - random.int(3, 9) * DAY - (length - 1) * 4 * HOUR;
    if (stopped) at = now - random.int(40, 60) * DAY;
    // Alternating turns: starting on the right side decides who wrote last.
    let clientTurn = !stopped && (waiting ? length % 2 === 1 : length % 2 === 0);
    const messages: DemoMessage[] = [];
    for (let m = 0; m < length; m++) {
      const person = random.pick(client.people);
      const direction = stopped ? 'out' : clientTurn ? 'in' : 'out';
      const exact = Math.floor(at) + m;
      const { id, hex } = gmailId(exact, random);
      const from = direction === 'in' ? person : me;
      const to = direction === 'in' ? [me] : [person];
      const snippet = direction === 'in' ? `Question ${t}.${m} about the order` : `Answer ${t}.${m} with details`;
      messages.push({ id, hex, at: exact, from, to, cc: [], direction, snippet, body: '', unread: false });
      clientTurn = stopped ? false : !clientTurn;
      at += (stopped ? random.int(1, 2) * DAY : random.int(1, 30) * HOUR) / (waiting ? 8 : 1);
    }
    const first = messages[0] as DemoMessage;
    const labels = [
      ...(messages.some((m) => m.direction === 'in') ? ['INBOX'] : []),
      ...(messages.some((m) => m.direction === 'out') ? ['SENT'] : []),
    ];
    return {
      id: first.id,
      hex: first.hex,
      token: conversationToken(random),
      subject: `Order ${t} for ${client.name}`,
      kind: 'client',
      clientKey: client.key,
      labels,
      messages,
    };
  });
  threads.sort((a, b) => (b.messages.at(-1)?.at ?? 0) - (a.messages.at(-1)?.at ?? 0));
  return { index: 0, address: me.email, name: me.name, uiLanguage: 'en', colleagues: [], clients, threads, labels: [] };
}
