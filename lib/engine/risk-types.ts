// The chance a client goes quiet and the structured reasons behind it. Every
// number a sentence shows is also a field, so the UI can render the reason in
// any language.
import type { CueKind } from './cue-lexicon';

/** Thresholds on the chance of going quiet: below 25% low, below 50% watch, below 75% high, else critical. */
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
  waiting_on_them: {
    waitingMs: number;
    usualReplyMs: number;
    usualGapMs: number;
    threads: number;
    /** Set when they never answered a message of ours: usualReplyMs is then the default wait, not theirs. */
    noReplyYet?: true;
  };
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
  /** previous90 is absent in reports stored before the model. */
  declining: { last30: number; previous90?: number; expected30: number; ratio?: number };
  /** The whole account's mail from clients: the last 30 days against the monthly rate of the 90 before. */
  account_quiet: { last30: number; expected30: number };
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

/**
 * What ends a reason, and the chance once it has: a message from them today,
 * our reply today, or (for the account's quiet) the account's usual volume of
 * mail. Computed by re-scoring the model, never written by hand.
 */
export interface ReasonEnding {
  by: 'their_message' | 'our_reply' | 'usual_mail';
  /** The chance of going quiet after it, 0–1. */
  chance: number;
  /** True when this reason is gone after it. */
  removes: boolean;
}

interface ReasonBase<K extends ReasonKind> {
  kind: K;
  /** Its share of the chance's log-odds above the typical client's, in percent; 0 for a reason to act that the model does not weigh. */
  weight: number;
  /** Its term of the log-odds against the typical client (absent in reports stored before the model). */
  logOdds?: number;
  /** A reason to act now (a wait, a cue), whatever it adds to the chance. */
  urgent?: boolean;
  ends?: ReasonEnding;
  /** The reason in plain English with its numbers. */
  text: string;
  numbers: ReasonNumbers[K];
  threadId?: string;
  messageId?: string;
  /** The cue as written by the client (cue reasons only). */
  phrase?: string;
}

export type RiskReason = { [K in ReasonKind]: ReasonBase<K> }[ReasonKind];

export interface Risk {
  /** The calibrated chance, in percent, that the client sends nothing in the next 60 days. */
  score: number;
  level: RiskLevel;
  /** Strongest first. */
  reasons: RiskReason[];
  /** Multiplier from the client's tier or value (1 when neither is set): orders what to act on, never the chance. */
  valueFactor: number;
  /**
   * The model that gave the chance: the shipped one fitted at this commit, or
   * (`account`) that one refitted on the account's own past (absent in reports stored before it).
   */
  model?: { commit: string; horizonDays: number; account?: true };
}

export const CUE_REASON_KINDS: readonly CueKind[] = ['cancellation', 'competitor', 'complaint', 'price'];
