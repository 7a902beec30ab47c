import { z } from 'zod';
import { DAY } from '@/lib/engine/business-hours';
import type { ClientHistory } from '@/lib/engine/client-history';
import type { CueKind } from '@/lib/engine/cue-lexicon';
import type { ClientReport } from '@/lib/engine/report-types';
import type { ReasonKind } from '@/lib/engine/risk-types';

// What one member shares of one client with the team: when each side wrote,
// whose turn it is, the usual rhythm and the risk with its reasons as kinds
// and numbers. Built field by field from the engine's report, so nothing the
// report carries beside these reaches the server: no subject, snippet, cue
// phrase, reason sentence (they quote numbers only, but are English prose
// another release may enrich), thread or message id, and no address at all
// but the client key (a domain, or the address of the client themself).

export const REASON_KINDS = [
  'waiting_on_us',
  'slow_replies',
  'waiting_on_them',
  'silence',
  'few_contacts',
  'low_p_alive',
  'declining',
  'account_quiet',
  'complaint',
  'cancellation',
  'price',
  'competitor',
] as const satisfies readonly ReasonKind[];

const CUE_KINDS = ['cancellation', 'competitor', 'complaint', 'price'] as const satisfies readonly CueKind[];

// Every object below is a plain z.object, which strips keys it does not know
// (exactSummarySchema, the same with strict objects, tells when none was there):
// a summary from a later release that shares one more field is read by this
// one without that field (nothing unknown is kept or shown), while each field
// it knows is checked exactly, and a wrong one still refuses the summary.

const time = z.number().int().min(0).max(8.64e15);
const duration = z.number().finite().min(0).max(1e13);

/** Days of contact and replies a summary carries at most: a year and a month of daily contact. */
export const HISTORY_MAX = 400;

/** The summary's checks, every object made by `object`. */
function summarySchemas(object: typeof z.object) {
  const replyTimesSchema = object({
    count: z.number().int().min(0).max(1e7),
    medianMs: duration.optional(),
    p90Ms: duration.optional(),
    medianBusinessMs: duration.optional(),
    p90BusinessMs: duration.optional(),
  });

  const reasonSchema = object({
    kind: z.enum(REASON_KINDS),
    /** Its share of the chance, in percent. */
    weight: z.number().finite().min(-1000).max(1000),
    urgent: z.boolean().optional(),
    /** The reason's numbers by name (days, counts, durations, flags): never text. */
    numbers: z
      .record(z.string().regex(/^[a-zA-Z0-9]{1,40}$/), z.union([z.number().finite(), z.boolean()]))
      .refine((numbers) => Object.keys(numbers).length <= 12, 'too many numbers'),
  });

  const followUpSchema = object({
    kind: z.enum(['reply', 'nudge', 'check_in', 'acknowledge', 'onboarding', 'proactive']),
    dueAt: time,
    status: z.enum(['open', 'snoozed']),
    snoozedUntil: time.optional(),
    /** For an acknowledgement, the kind of cue it answers: what weighs it in the team's waiting list. */
    cue: z.enum(CUE_KINDS).optional(),
  });

  /**
   * The dashboard's months for the team: the days the client was in touch and
   * each reply's day, side and time taken. Days, not times, and numbers only.
   */
  const historySchema = object({
    contactDays: z.array(time).max(HISTORY_MAX),
    replies: z.array(object({ by: z.enum(['in', 'out']), day: time, wallMs: duration })).max(HISTORY_MAX),
  });

  const summary = object({
    /** The client key: a registrable domain, or the address of a client who is a person. */
    clientKey: z.string().min(1).max(400),
    name: z.string().max(200),
    kind: z.enum(['org', 'person']),
    tier: z.enum(['key', 'standard', 'minor']).optional(),
    value: z.number().finite().min(0).max(1e12).optional(),
    firstContactAt: time,
    lastInboundAt: time.optional(),
    lastOutboundAt: time.optional(),
    /** Who wrote last: the client, or the member who publishes the summary. */
    lastFrom: z.enum(['client', 'member']).optional(),
    /** The oldest message of the client still unanswered by this member. */
    waitingOnMemberSince: time.optional(),
    /** The oldest message of this member the client has not answered. */
    waitingOnClientSince: time.optional(),
    usualGapDays: z.number().finite().min(0).max(1e5).optional(),
    unusualGapDays: z.number().finite().min(0).max(1e5).optional(),
    replyTimes: object({ member: replyTimesSchema, client: replyTimesSchema }),
    risk: object({
      /** The chance, in percent, that the client sends this member nothing in the next 60 days. */
      chance: z.number().finite().min(0).max(100),
      level: z.enum(['low', 'watch', 'high', 'critical']),
      reasons: z.array(reasonSchema).max(REASON_KINDS.length),
    }),
    /** The member's open and snoozed follow-ups: the member whose document holds them took them. */
    followUps: z.array(followUpSchema).max(20),
    history: historySchema.optional(),
    computedAt: time,
  });
  return { summary, history: historySchema };
}

const stripping = summarySchemas(z.object);
export const clientSummarySchema = stripping.summary;
/**
 * The same checks, refusing any field they do not know: a value that passes
 * them is exactly what was checked, and can be kept as it arrived.
 */
export const exactSummarySchema = summarySchemas(z.strictObject as unknown as typeof z.object).summary;
export type SummaryHistory = z.infer<typeof stripping.history>;
export type ClientSummary = z.infer<typeof clientSummarySchema>;

function numbersOf(numbers: object): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(numbers)) {
    if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') out[name] = value;
  }
  return out;
}

function replyTimes(stats: ClientReport['metrics']['latency']['ours']) {
  return {
    count: stats.count,
    medianMs: stats.medianMs,
    p90Ms: stats.p90Ms,
    medianBusinessMs: stats.medianBusinessMs,
    p90BusinessMs: stats.p90BusinessMs,
  };
}

function lastFrom(inbound?: number, outbound?: number): ClientSummary['lastFrom'] {
  if (inbound === undefined && outbound === undefined) return undefined;
  return (inbound ?? -1) > (outbound ?? -1) ? 'client' : 'member';
}

/** What a summary is made from: the report's fields that hold no text of the mail itself. */
export type SummarySource = Pick<
  ClientReport,
  'key' | 'displayName' | 'kind' | 'tier' | 'value' | 'metrics' | 'risk' | 'followUps'
>;

const dayOf = (at: number) => Math.floor(at / DAY) * DAY;

/** A client's history as days: the first day of contact and the latest ones, and the latest replies. */
export function summaryHistory(history: Pick<ClientHistory, 'theirContactAt' | 'replies'>): SummaryHistory {
  const days = [...new Set(history.theirContactAt.map(dayOf))].sort((a, b) => a - b);
  // The first day tells the month the client was gained in; the latest ones, the months since.
  const contactDays = days.length <= HISTORY_MAX ? days : [days[0] as number, ...days.slice(1 - HISTORY_MAX)];
  const replies = history.replies
    .slice(-HISTORY_MAX)
    .map((r) => ({ by: r.by, day: dayOf(r.at), wallMs: Math.min(Math.max(r.wallMs, 0), 1e13) }));
  return { contactDays, replies };
}

/** The summary of one client report; undefined keys are left out so the replicated JSON stays small. */
export function summarizeClient(report: SummarySource, computedAt: number, history?: SummaryHistory): ClientSummary {
  const { metrics } = report;
  const summary: ClientSummary = {
    clientKey: report.key,
    name: report.displayName.slice(0, 200),
    kind: report.kind,
    tier: report.tier,
    value: report.value,
    firstContactAt: metrics.firstSeenAt,
    lastInboundAt: metrics.lastInboundAt,
    lastOutboundAt: metrics.lastOutboundAt,
    lastFrom: lastFrom(metrics.lastInboundAt, metrics.lastOutboundAt),
    waitingOnMemberSince: metrics.waiting.onUs?.since,
    waitingOnClientSince: metrics.waiting.onThem?.since,
    usualGapDays: metrics.cadence?.usualGapDays,
    unusualGapDays: metrics.cadence?.unusualGapDays,
    replyTimes: { member: replyTimes(metrics.latency.ours), client: replyTimes(metrics.latency.theirs) },
    risk: {
      chance: report.risk.score,
      level: report.risk.level,
      reasons: report.risk.reasons.map((reason) => ({
        kind: reason.kind,
        weight: reason.weight,
        urgent: reason.urgent,
        numbers: numbersOf(reason.numbers),
      })),
    },
    followUps: report.followUps
      .filter((f) => f.status === 'open' || f.status === 'snoozed')
      .slice(0, 20)
      .map((f) => ({
        kind: f.kind,
        // Follow-ups stored by earlier releases may carry a fraction of a millisecond.
        dueAt: Math.round(f.dueAt),
        status: f.status as 'open' | 'snoozed',
        snoozedUntil: f.snoozedUntil === undefined ? undefined : Math.round(f.snoozedUntil),
        cue: f.kind === 'acknowledge' ? f.cue : undefined,
      })),
    history,
    computedAt,
  };
  return JSON.parse(JSON.stringify(summary)) as ClientSummary;
}
