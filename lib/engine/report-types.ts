// What the engine reports per client and per account.
import type { BgNbdParams } from './bgnbd';
import type { Cadence, CadencePrior } from './cadence';
import type { CueHit } from './cues';
import type { FollowUp } from './follow-ups';
import type { Latency, LatencyStats } from './latency';
import type { ClientTier } from './overrides';
import type { RecentActivity } from './recent-activity';
import type { Risk } from './risk-types';
import type { Trend } from './trend';
import type { ThreadState, Waiting } from './waiting';

export interface ClientCue extends CueHit {
  /** We wrote in the same thread after this cue. */
  answered: boolean;
}

export interface BgNbdClientMetrics {
  /** Repeat contact days, time of the last one and observation time, in weeks. */
  x: number;
  tx: number;
  T: number;
  pAlive?: number;
  /** Expected contact days in the next 30 days. */
  expectedNext30Days?: number;
}

export interface ClientMetrics {
  firstSeenAt: number;
  lastInboundAt?: number;
  lastOutboundAt?: number;
  inbound: number;
  outbound: number;
  latency: Latency;
  /** Our replies to this client in the last 30 days. */
  recentOurLatency: LatencyStats;
  /** Our replies before the last 30 days: the baseline the recent ones are compared with. */
  earlierOurLatency: LatencyStats;
  waiting: Waiting;
  /** Working time the oldest message waiting on us has waited. */
  waitingOnUsBusinessMs?: number;
  cadence?: Cadence;
  trend: Trend;
  bgnbd?: BgNbdClientMetrics;
  cues: ClientCue[];
  onboarding: { active: boolean; daysSinceFirstSeen: number };
  /** Silence is expected until then (user override); silence signals are off before it. */
  quietUntil?: number;
  /** The latest conversation we started (its first message ours); absent when we never did. */
  lastStartedByUsAt?: number;
  /**
   * The client's conversations (threads) each side started, by whose message
   * came first: a relationship we only ever answer is one we do not tend.
   * Absent in reports stored before they were counted.
   */
  threadsTheyStarted?: number;
  threadsWeStarted?: number;
  /** Activities outside mail (from a CRM): how many, and the latest. */
  outsideContact?: { count: number; lastAt: number };
}

export interface ClientReport {
  key: string;
  displayName: string;
  kind: 'org' | 'person';
  /** Addresses of the client seen in the messages. */
  addresses: string[];
  tier?: ClientTier;
  value?: number;
  metrics: ClientMetrics;
  risk: Risk;
  followUps: FollowUp[];
  /** Most recent first. */
  threads: ThreadState[];
  /** The last 13 weeks of mail each way, for the side panel's chart. */
  activity: RecentActivity;
}

/** Account-wide quantities each client is compared with; fitted once, reused by analyzeClient. */
export interface PopulationModel {
  bgnbd?: BgNbdParams;
  cadence: CadencePrior;
  /** Our reply time over all clients, as fallback for clients without history. */
  ourReplyBusinessMs: { median?: number; p90?: number };
  /** Median of the values the user set, to weigh one client's value against. */
  medianValue?: number;
  /**
   * Messages from all clients in the last 30 days and the 90 before: when the
   * whole account quietens, each client is likelier to (risk-features.ts).
   * Absent in populations stored before it was kept.
   */
  activity?: { last30: number; previous90: number };
}

export interface InputIssue {
  messageId?: string;
  problem: string;
}
