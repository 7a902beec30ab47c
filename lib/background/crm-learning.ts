import type { StoredCrmLearning } from '@/lib/data/stored-rows';
import { baseClientKey, isPersonKey } from '@/lib/engine/client-identity';
import { isAutomatedAddress } from '@/lib/engine/sender-kind';
import type { CrmRecordReply } from '@/lib/features/crm/messages';
import { candidateClientKeys, type OwnSide } from '@/lib/sites/crm/client-match';
import type { CrmExtraction, CrmRecord } from '@/lib/sites/crm/types';
import type { KeepwarmDb } from '@/lib/store/db';
import { ownSideOf } from './crm-records';

// What a CRM record of a known client adds to what mail says. Cautious by
// design: extra addresses only from a person's own record (a deal or company
// lists other people), nothing from an ordinary page the toolbar button read,
// and never an address or domain that is already another known client (the
// record would then have been ambiguous and never reached here).

const MAX_ADDRESSES = 25;
const MAX_ACTIVITIES = 500;
const MAX_RECORDS = 50;
const DOMAIN_OF_ADDRESS = /^[^@\s]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** What a store of the learning changed: who the client is (full recompute), only its history, or nothing. */
export type LearningChange = 'identity' | 'history' | 'none';

export interface RecordLesson {
  addresses: string[];
  domain?: string;
  amount?: { value: number; currency?: string };
  activities: number[];
}

/**
 * What this record teaches about the client it matched; empty for an ordinary
 * page. Only activities already past: a meeting planned for next week is not
 * contact, and may never happen.
 */
export function lessonOf(record: CrmRecord, clientKey: string, own: OwnSide, now: number): RecordLesson {
  if (record.kind === 'page') return { addresses: [], activities: [] };
  const others = new Set(candidateClientKeys(record, own).filter((key) => key !== clientKey));
  const addresses =
    record.kind === 'person'
      ? record.emails.filter((email) => {
          const key = baseClientKey(email);
          return key !== undefined && others.has(key) && !isAutomatedAddress(email);
        })
      : [];
  const domainKey = record.companyDomain ? baseClientKey(`company@${record.companyDomain}`) : undefined;
  const domain = domainKey && !isPersonKey(domainKey) && others.has(domainKey) ? domainKey : undefined;
  return {
    addresses,
    ...(domain && { domain }),
    ...(record.kind === 'deal' && record.amount && { amount: record.amount }),
    activities: record.activities.map((a) => a.at).filter((at) => at <= now),
  };
}

function sortedUnique<T>(values: T[], limit: number, compare?: (a: T, b: T) => number): T[] {
  return [...new Set(values)].sort(compare).slice(-limit);
}

/**
 * Folds one record's lesson into what is stored for the client. Reading the
 * same page again changes nothing and writes nothing. A deal's amount replaces
 * the one read before: the latest deal read is the client's value.
 */
export async function learnFromRecord(
  db: KeepwarmDb,
  account: string,
  clientKey: string,
  record: CrmRecord,
  lesson: RecordLesson,
  now: number,
): Promise<LearningChange> {
  return db.transaction('rw', db.crmLearned, async () => {
    const stored = await db.crmLearned.get([account, clientKey]);
    const source = `${record.crm}:${record.recordId ?? record.name}`.slice(0, 400);
    const next: StoredCrmLearning = {
      ...stored,
      account,
      clientKey,
      addresses: sortedUnique([...(stored?.addresses ?? []), ...lesson.addresses], MAX_ADDRESSES),
      activities: sortedUnique([...(stored?.activities ?? []), ...lesson.activities], MAX_ACTIVITIES, (a, b) => a - b),
      records: stored?.records ?? [],
      updatedAt: now,
    };
    if (lesson.domain) next.domain = lesson.domain;
    if (lesson.amount) next.amount = lesson.amount;
    const identity =
      JSON.stringify([next.addresses, next.domain]) !== JSON.stringify([stored?.addresses ?? [], stored?.domain]);
    const history =
      JSON.stringify([next.activities, next.amount]) !== JSON.stringify([stored?.activities ?? [], stored?.amount]);
    if (!identity && !history) return 'none';
    if (!next.records.includes(source)) next.records = [...next.records, source].slice(-MAX_RECORDS);
    await db.crmLearned.put(next);
    return identity ? 'identity' : 'history';
  });
}

/** Learns from a record the background matched to one known client; nothing from any other answer. */
export async function learnFromAnswer(
  db: KeepwarmDb,
  extraction: CrmExtraction,
  reply: CrmRecordReply,
  now: number,
): Promise<{ account: string; clientKey: string; change: LearningChange } | undefined> {
  if (reply.match !== 'matched' || !reply.client || !extraction.record) return undefined;
  const { account, key } = reply.client;
  const own = await ownSideOf(
    db,
    (await db.accounts.toArray()).map((a) => a.address),
  );
  const lesson = lessonOf(extraction.record, key, own, now);
  const change = await learnFromRecord(db, account, key, extraction.record, lesson, now);
  return { account, clientKey: key, change };
}

/** Whether a key is what mail would name a client: a registrable domain, or a free-mail address. */
export function isClientKey(key: string): boolean {
  const sample = isPersonKey(key) ? key : `someone@${key}`;
  return DOMAIN_OF_ADDRESS.test(sample) && baseClientKey(sample) === key && !isAutomatedAddress(sample);
}

/** The user's click: watch a client not known from mail yet. */
export async function watchClient(db: KeepwarmDb, account: string, clientKey: string, now: number): Promise<void> {
  if (!isClientKey(clientKey)) throw new Error(`${clientKey} is not a domain or a personal address to watch`);
  await db.transaction('rw', db.crmLearned, async () => {
    const stored = await db.crmLearned.get([account, clientKey]);
    await db.crmLearned.put({
      addresses: [],
      activities: [],
      records: [],
      ...stored,
      account,
      clientKey,
      watched: true,
      updatedAt: now,
    });
  });
}

/** Forgets everything the CRM taught about a client, and stops watching it. */
export async function forgetLearning(db: KeepwarmDb, account: string, clientKey: string): Promise<void> {
  await db.crmLearned.delete([account, clientKey]);
}
