// The popup's list: clients waiting on the user, then clients who stopped
// answering the user. Who is in each list and in what order is decided where
// the report is computed (lib/engine/waiting-order.ts, stored as each client's
// place): the urgency × value of the follow-up the wait asks for, so the lists
// and the follow-ups agree. Here a stored client becomes a row, with the wait
// measured against the clock of now and the reason it stands where it does.

import type { StoredClient, StoredWaitingPlace } from '@/lib/data/stored-rows';
import type { CueKind } from '@/lib/engine/cue-lexicon';
import type { ClientTier } from '@/lib/engine/overrides';
import type { RiskReason } from '@/lib/engine/risk-types';
import type { WaitingListName } from '@/lib/engine/waiting-order';

type Reason<K extends RiskReason['kind']> = Extract<RiskReason, { kind: K }>;

export interface WaitingEntry {
  account: string;
  clientKey: string;
  name: string;
  level: StoredClient['report']['risk']['level'];
  score: number;
  tier?: ClientTier;
  value?: number;
  /** The thread that has waited longest, to open in Gmail. */
  threadId?: string;
  subject: string;
  /** When the wait began: the oldest unanswered message on the waiting side. */
  since: number;
  waitingMs: number;
  /** The usual time on the waiting side: the user's reply time, or the client's. */
  usualMs?: number;
  threads: number;
  /** When the follow-up that places the client fell due: the row says how late it is. */
  dueAt: number;
  /** The cue to acknowledge that places the client, when it is one: the row names it. */
  cue?: CueKind;
  /** Lower-cased name, key, addresses and subject, for the search box. */
  haystack: string;
}

interface Wait {
  since: number;
  threadId?: string;
  usualMs?: number;
  threads: number;
}

function reasonOf<K extends 'waiting_on_us' | 'waiting_on_them'>(client: StoredClient, kind: K) {
  return client.report.risk.reasons.find((r): r is Reason<K> => r.kind === kind);
}

/**
 * The wait a row shows. The report's numbers were measured at its
 * computation; the wait has grown since. A client placed by a cue alone waits
 * since its oldest unanswered message.
 */
function waitOf(client: StoredClient, list: WaitingListName, place: StoredWaitingPlace): Wait | undefined {
  if (list === 'stopped') {
    const reason = reasonOf(client, 'waiting_on_them');
    if (!reason) return undefined;
    const { waitingMs, usualReplyMs, usualGapMs, threads } = reason.numbers;
    const usualMs = Math.max(usualReplyMs, usualGapMs);
    return { since: client.computedAt - waitingMs, threadId: reason.threadId, usualMs, threads };
  }
  const reason = reasonOf(client, 'waiting_on_us');
  if (reason) {
    const { waitingMs, usualReplyMs, threads } = reason.numbers;
    return { since: client.computedAt - waitingMs, threadId: reason.threadId, usualMs: usualReplyMs, threads };
  }
  const { waiting, latency } = client.report.metrics;
  return {
    since: waiting.onUs?.since ?? -place.rank[2],
    threadId: waiting.onUs?.threadId,
    usualMs: latency.ours.medianMs,
    threads: waiting.onUs?.threads ?? 1,
  };
}

/** The client as a row of the list, or undefined when its stored report no longer says it waits there. */
export function waitingEntry(client: StoredClient, list: WaitingListName, now: number): WaitingEntry | undefined {
  const place = list === 'onYou' ? client.onYouPlace : client.stoppedPlace;
  const wait = place && waitOf(client, list, place);
  if (!place || !wait) return undefined;
  const { report } = client;
  const thread = report.threads.find((t) => t.threadId === wait.threadId);
  return {
    account: client.account,
    clientKey: client.key,
    name: report.displayName,
    level: report.risk.level,
    score: client.riskScore,
    ...(report.tier && { tier: report.tier }),
    ...(report.value !== undefined && { value: report.value }),
    ...(wait.threadId && { threadId: wait.threadId }),
    subject: thread?.subject ?? '',
    since: wait.since,
    waitingMs: Math.max(0, now - wait.since),
    ...(wait.usualMs !== undefined && { usualMs: wait.usualMs }),
    threads: wait.threads,
    dueAt: -place.rank[2],
    ...(place.cue && { cue: place.cue }),
    haystack: [report.displayName, client.key, ...report.addresses, thread?.subject ?? '', client.account]
      .join('\n')
      .toLowerCase(),
  };
}

/** Keeps the entries whose name, addresses or subject hold every word of the query. */
export function searchWaiting(entries: readonly WaitingEntry[], query: string): WaitingEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => words.every((w) => e.haystack.includes(w)));
}
