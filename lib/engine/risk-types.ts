// The structured reasons behind a risk score. Every number a sentence shows
// is also a field, so the UI can render the reason in any language.
import type { CueKind } from './cue-lexicon';

export type RiskLevel = 'low' | 'watch' | 'high' | 'critical';

export interface ReasonNumbers {
  waiting_on_us: {
    waitingMs: number;
    waitingBusinessMs: number;
    usualReplyMs?: number;
    /** What the wait is measured against: our usual p90 reply time, or the user's target when shorter. */
    usualReplyBusinessMs: number;
    /** Set when the user's reply-time target is shorter than their usual time for this client. */
    targetBusinessMs?: number;
    threads: number;
  };
  slow_replies: { recentMedianBusinessMs: number; usualMedianBusinessMs: number; recentSamples: number };
  waiting_on_them: { waitingMs: number; usualReplyMs: number; usualGapMs: number; threads: number };
  silence: {
    /** Whole days since the last exchange in either direction. */
    silenceDays: number;
    usualGapDays: number;
    unusualGapDays: number;
    /** The gap the silence is measured against: geometric mean of the client's usual gap and the account's. */
    expectedGapDays: number;
    accountGapDays: number;
    /** Whether the last exchange was the client's message (else the user's). */
    lastFromThem: boolean;
    /** Set when the last exchange was an activity the CRM recorded, not mail. */
    outsideMail?: boolean;
  };
  few_contacts: { contactDays: number; firstSeenDaysAgo: number };
  low_p_alive: { pAlive: number; contactDays: number; daysSinceLastContact: number };
  declining: { last30: number; expected30: number; ratio: number };
  complaint: CueNumbers;
  cancellation: CueNumbers;
  price: CueNumbers;
  competitor: CueNumbers;
}

export interface CueNumbers {
  /** Days since the strongest hit. */
  ageDays: number;
  hits: number;
  /** True when we have written in that thread since the hit. */
  answered: boolean;
}

export type ReasonKind = keyof ReasonNumbers;

interface ReasonBase<K extends ReasonKind> {
  kind: K;
  /** Points this signal gives on its own (0–100), after onboarding and value weighting. */
  weight: number;
  /** The reason in plain English with its numbers. */
  text: string;
  numbers: ReasonNumbers[K];
  threadId?: string;
  messageId?: string;
  /** The cue as written by the client (cue reasons only). */
  phrase?: string;
  /** True when the weight was raised because the relationship is in its first 90 days. */
  onboarding?: boolean;
}

export type RiskReason = { [K in ReasonKind]: ReasonBase<K> }[ReasonKind];

export interface Risk {
  score: number;
  level: RiskLevel;
  /** Strongest first. */
  reasons: RiskReason[];
  /** Multiplier from the client's tier or value (1 when neither is set). */
  valueFactor: number;
}

export const CUE_REASON_KINDS: readonly CueKind[] = ['cancellation', 'competitor', 'complaint', 'price'];
