import type { StoredClient, StoredThread } from '@/lib/data/stored-rows';
import { baseClientKey } from '@/lib/engine/client-identity';
import { type ClientResolver, createClientResolver } from '@/lib/engine/overrides';
import { isAutomatedAddress } from '@/lib/engine/sender-kind';
import { urgencyMark } from '@/lib/engine/urgency-mark';
import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import type { Translator } from '@/lib/i18n/translate';
import type { ReplyTo } from '@/lib/messaging/schemas';
import type { KeepwarmDb } from '@/lib/store/db';
import { engineContext } from './engine-context';

/** The tooltip shows this many reasons; the side panel has them all. */
const TOP_REASONS = 3;
const NAME_CHARS = 120;

/**
 * The clients a stored thread belongs to, after the user's merges, splits and
 * ignores, each with the automated addresses it is known by in the thread
 * (`[]` when a person's address or the thread's refs alone name it).
 */
function clientKeysOf(thread: StoredThread, account: string, resolver: ClientResolver): Map<string, string[]> {
  const bases = new Set(thread.clientRefs.map((ref) => ref.slice(account.length + 1)));
  const keys = new Map<string, string[]>();
  const covered = new Set<string>();
  for (const { email } of thread.participants) {
    const address = email.toLowerCase();
    const base = baseClientKey(address);
    if (base === undefined || !bases.has(base)) continue;
    covered.add(base);
    // keyOf, not resolveKey: a person split out of their organisation is a client of their own.
    const key = resolver.keyOf(address);
    if (key === undefined) continue;
    const automated = keys.get(key);
    if (!isAutomatedAddress(address)) keys.set(key, []);
    else if (automated === undefined) keys.set(key, [address]);
    else if (automated.length > 0) automated.push(address);
  }
  for (const base of bases) {
    if (covered.has(base)) continue;
    const key = resolver.resolveKey(base);
    if (key !== undefined) keys.set(key, []);
  }
  return keys;
}

/**
 * A thread of a client's automated notices alone gets no badge: its senders
 * count only when the engine counted them for the client (the user
 * corresponds with them, or included the client).
 */
function speaksFor(client: StoredClient, automated: readonly string[]): boolean {
  return automated.length === 0 || automated.some((address) => client.report.addresses.includes(address));
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function toThreadRisk(threadId: string, client: StoredClient, t: Translator): ThreadRisk {
  const { risk, displayName } = client.report;
  const name = shorten(displayName.replace(/\s+/g, ' ').trim() || client.key, NAME_CHARS);
  const score = Math.round(risk.score);
  const levelText = t.t(`risk.${risk.level}`);
  const reasons = risk.reasons
    .slice(0, TOP_REASONS)
    .map((reason) => ({ kind: reason.kind, text: reasonText(t, reason, client.report) }));
  const reasonsText = reasons.length > 0 ? reasons.map((r) => `${r.text}.`).join(' ') : t.t('badge.noReasons');
  const mark = urgencyMark(risk.reasons);
  const urgent = mark && {
    kind: mark.kind,
    word: t.t(`badge.urgent.${mark.kind}`),
    text: reasonText(t, mark, client.report),
  };
  return {
    threadId,
    clientKey: client.key,
    name,
    level: risk.level,
    score,
    levelText,
    scoreText: t.t('overview.score', { score }),
    reasons,
    ...(urgent && { urgent }),
    // Isolated, so a right-to-left override in a name cannot reorder the rest of the sentence.
    label:
      t.t('badge.label', { client: `\u2068${name}\u2069`, level: levelText, score, reasons: reasonsText }) +
      (urgent ? ` ${t.t('badge.urgent.label', { reason: urgent.text })}` : ''),
  };
}

/**
 * The badge of each asked thread whose people include a client, from the
 * stored threads and client reports. When a thread involves several clients,
 * the riskiest one speaks for it. Threads with no client get nothing.
 */
export async function threadRisks(
  db: KeepwarmDb,
  account: string,
  threadIds: readonly string[],
  t: Translator,
): Promise<ReplyTo<'content/get-thread-risks'>> {
  const ids = [...new Set(threadIds)];
  const threads = await db.threads.bulkGet(ids.map((id): [string, string] => [account, id]));
  const resolver = createClientResolver((await engineContext(db, account)).overrides);
  const keysByThread = new Map<string, Map<string, string[]>>();
  for (const thread of threads) {
    if (thread) keysByThread.set(thread.threadId, clientKeysOf(thread, account, resolver));
  }
  const allKeys = [...new Set([...keysByThread.values()].flatMap((keys) => [...keys.keys()]))];
  const stored = await db.clients.bulkGet(allKeys.map((key): [string, string] => [account, key]));
  const clients = new Map(stored.filter((c): c is StoredClient => c !== undefined).map((c) => [c.key, c]));
  const result: ThreadRisk[] = [];
  for (const [threadId, keys] of keysByThread) {
    let riskiest: StoredClient | undefined;
    for (const [key, automated] of keys) {
      const client = clients.get(key);
      if (client && speaksFor(client, automated) && (!riskiest || client.riskScore > riskiest.riskScore))
        riskiest = client;
    }
    if (riskiest) result.push(toThreadRisk(threadId, riskiest, t));
  }
  return { threads: result, openHint: t.t('badge.openHint') };
}
