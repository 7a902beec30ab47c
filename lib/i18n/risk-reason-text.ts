// Risk reasons and follow-ups in the reader's language, built from the
// engine's structured kind and numbers (its English `text` is the source
// wording these translate). The one renderer of reasons: the side panel, the
// popup and the Gmail badge's tooltip all say them the same way.
import { checkInReason, type FollowUp } from '@/lib/engine/follow-ups';
import type { ClientReport } from '@/lib/engine/report-types';
import type { ReasonEnding, RiskReason } from '@/lib/engine/risk-types';
import type { Translator } from './translate';

const PHRASE_CHARS = 160;

/**
 * Words a client wrote, fit to quote inside one of our sentences: shortened,
 * and isolated with FSI…PDI so a right-to-left override in them cannot reorder
 * the words around them (in a tooltip's plain text as in a page).
 */
export function isolatePhrase(text: string, max = PHRASE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `\u2068${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\u2069`;
}

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

type CueReason = Extract<RiskReason, { kind: 'complaint' | 'cancellation' | 'price' | 'competitor' }>;

/** A cue, quoted from the client's words; a colleague's reaches the team as its kind and numbers alone. */
function cueText({ t, days }: Translator, reason: CueReason): string {
  const n = reason.numbers;
  const parts = {
    verb: t(`riskReason.cue.${reason.kind}`),
    when: n.ageDays === 0 ? t('riskReason.cue.today') : t('riskReason.cue.ago', { days: days(n.ageDays) }),
    more: n.hits > 1 ? t('riskReason.cue.more', { count: n.hits - 1 }) : '',
  };
  // No words to quote, and "answered" means the colleague answered.
  if (reason.phrase === undefined) {
    return t('riskReason.cue.shared', { ...parts, answered: n.answered ? t('riskReason.cue.sharedAnswered') : '' });
  }
  return t('riskReason.cue', {
    ...parts,
    phrase: isolatePhrase(reason.phrase),
    answered: n.answered ? t('riskReason.cue.answered') : '',
  });
}

export function reasonText(tr: Translator, reason: RiskReason, report?: Pick<ClientReport, 'metrics'>): string {
  const { t, duration, days } = tr;
  switch (reason.kind) {
    case 'waiting_on_us': {
      const n = reason.numbers;
      const usual =
        n.usualReplyMs !== undefined
          ? t('riskReason.waiting_on_us.usual', { usual: duration(n.usualReplyMs) })
          : t('riskReason.waiting_on_us.noHistory');
      const target =
        n.targetBusinessMs !== undefined
          ? t('riskReason.waiting_on_us.target', { target: duration(n.targetBusinessMs) })
          : '';
      return t('riskReason.waiting_on_us', {
        waiting: duration(n.waitingMs),
        business: duration(n.waitingBusinessMs),
        usual: usual + target,
      });
    }
    case 'slow_replies': {
      const n = reason.numbers;
      return t('riskReason.slow_replies', {
        recent: duration(n.recentMedianBusinessMs),
        samples: n.recentSamples,
        usual: duration(n.usualMedianBusinessMs),
      });
    }
    case 'waiting_on_them': {
      const n = reason.numbers;
      const usual =
        n.usualGapMs > n.usualReplyMs
          ? t('riskReason.waiting_on_them.gap', { gap: days(n.usualGapMs / 86_400_000) })
          : n.noReplyYet
            ? t('riskReason.waiting_on_them.none')
            : t('riskReason.waiting_on_them.reply', { usual: duration(n.usualReplyMs) });
      const threads = n.threads > 1 ? t('riskReason.waiting_on_them.threads', { threads: n.threads }) : '';
      return t('riskReason.waiting_on_them', { waiting: duration(n.waitingMs), threads, usual });
    }
    case 'silence': {
      const n = reason.numbers;
      const cadence = report?.metrics.cadence;
      // A client who never wrote has no rhythm of their own to set the silence against
      // (a report has no cadence exactly when the client has no day of contact).
      const expected =
        report !== undefined && cadence === undefined && !n.lastFromThem
          ? t('riskReason.silence.none', { account: days(n.accountGapDays) })
          : cadence?.gaps === 0
            ? t('riskReason.silence.onlyOne', { account: days(n.accountGapDays) })
            : t('riskReason.silence.expected', {
                expected: days(n.expectedGapDays),
                usual: days(n.usualGapDays),
                account: days(n.accountGapDays),
              });
      return t('riskReason.silence', {
        silence: days(n.silenceDays),
        who: t(
          n.outsideMail
            ? 'riskReason.silence.crm'
            : n.lastFromThem
              ? 'riskReason.silence.theirs'
              : 'riskReason.silence.yours',
        ),
        expected,
      });
    }
    case 'few_contacts': {
      const n = reason.numbers;
      // One day of contact reads as its own sentence: "1 days" is not English. None
      // means only we have written: the first message was ours.
      const key =
        n.contactDays === 0
          ? 'riskReason.few_contacts.none'
          : n.contactDays === 1
            ? 'riskReason.few_contacts.one'
            : 'riskReason.few_contacts';
      return t(key, { contactDays: n.contactDays, days: days(n.firstSeenDaysAgo) });
    }
    case 'low_p_alive': {
      const n = reason.numbers;
      return t('riskReason.low_p_alive', {
        percent: percent(n.pAlive),
        contactDays: n.contactDays,
        days: days(n.daysSinceLastContact),
      });
    }
    case 'declining': {
      const n = reason.numbers;
      const previous90 = n.previous90 ?? Math.round(n.expected30 * 3);
      if (n.last30 === 0 && previous90 === 0) return t('riskReason.declining.none');
      return t(n.last30 === 1 ? 'riskReason.declining.one' : 'riskReason.declining', { last30: n.last30, previous90 });
    }
    case 'account_quiet': {
      const n = reason.numbers;
      return t('riskReason.account_quiet', { last30: n.last30, expected: Math.round(n.expected30) });
    }
    default:
      return cueText(tr, reason);
  }
}

/** "38% chance they go quiet in the next 60 days". */
export function chanceText(tr: Translator, risk: Pick<ClientReport['risk'], 'score' | 'model'>): string {
  return tr.t('risk.chance', { percent: `${Math.round(risk.score)}%`, days: risk.model?.horizonDays ?? 60 });
}

/**
 * What ends a reason and the chance after it, from the model's own re-scoring
 * (empty for a reason stored before the model said it).
 */
export function reasonEndingText(
  tr: Translator,
  reason: RiskReason,
  risk: Pick<ClientReport['risk'], 'score'>,
): string {
  return reason.ends ? endingText(tr, reason.ends, risk) : '';
}

function endingText(tr: Translator, ends: ReasonEnding, risk: Pick<ClientReport['risk'], 'score'>): string {
  const percent = `${Math.round(ends.chance * 100)}%`;
  switch (ends.by) {
    case 'their_message':
      return tr.t(ends.removes ? 'riskReason.ends.their_message.removes' : 'riskReason.ends.their_message', {
        percent,
      });
    case 'our_reply':
      return Math.round(ends.chance * 100) === Math.round(risk.score)
        ? tr.t('riskReason.ends.our_reply', { percent })
        : tr.t('riskReason.ends.our_reply.changes', { percent });
    case 'usual_mail':
      return tr.t('riskReason.ends.usual_mail', { percent });
  }
}

/** The chance after an event that ends several reasons, said once for them all. */
function sharedEndingText(tr: Translator, ends: ReasonEnding, risk: Pick<ClientReport['risk'], 'score'>): string {
  const percent = `${Math.round(ends.chance * 100)}%`;
  if (ends.by === 'their_message') return tr.t('riskReason.ends.their_message', { percent });
  if (ends.by === 'usual_mail') return tr.t('riskReason.ends.usual_mail', { percent });
  return Math.round(ends.chance * 100) === Math.round(risk.score)
    ? tr.t('riskReason.ends.our_reply.shared', { percent })
    : tr.t('riskReason.ends.our_reply.shared.changes', { percent });
}

/** What the side panel says of a risk's endings: once for the risk, and under each reason. */
export interface RiskEndings {
  /** The chance after an event that ends (or eases) more than one reason, said once rather than under each. */
  shared: string[];
  /** Under each reason, in order: what ends it, or nothing when a shared line already says it all. */
  perReason: string[];
}

/**
 * Every reason's ending, with the chance after an event said once when several
 * reasons share it: three reasons ended by the same message from them would
 * otherwise repeat the same sentence three times.
 */
export function riskEndingsText(tr: Translator, risk: Pick<ClientReport['risk'], 'score' | 'reasons'>): RiskEndings {
  const groupOf = (ends: ReasonEnding) => `${ends.by}|${Math.round(ends.chance * 100)}`;
  const sharing = new Map<string, number>();
  for (const { ends } of risk.reasons) {
    // The account's usual mail ends one reason only: its sentence stays whole.
    if (ends && ends.by !== 'usual_mail') sharing.set(groupOf(ends), (sharing.get(groupOf(ends)) ?? 0) + 1);
  }
  const shared: string[] = [];
  const perReason = risk.reasons.map((reason) => {
    const ends = reason.ends;
    if (!ends || (sharing.get(groupOf(ends)) ?? 0) < 2) return reasonEndingText(tr, reason, risk);
    const line = sharedEndingText(tr, ends, risk);
    if (!shared.includes(line)) shared.push(line);
    if (!ends.removes) return '';
    return tr.t(
      ends.by === 'their_message' ? 'riskReason.ends.their_message.short' : 'riskReason.ends.our_reply.short',
    );
  });
  return { shared, perReason };
}

/** A reason's weight in words: its share of the chance, or that it is a reason to act that the chance does not carry. */
export function reasonShareText(tr: Translator, reason: RiskReason): string {
  if (reason.weight > 0) return tr.t('riskReason.share', { share: Math.round(reason.weight) });
  return reason.urgent ? tr.t('riskReason.urgent') : '';
}

/** The parts of a report a follow-up's text reads. */
export type FollowUpReport = Pick<ClientReport, 'threads' | 'risk' | 'metrics'>;

/** A suggested follow-up as one line, with the reason it rests on. */
export function followUpText(tr: Translator, followUp: FollowUp, report: FollowUpReport, now: number): string {
  const { t, duration } = tr;
  const thread = report.threads.find((th) => th.threadId === followUp.threadId);
  const subject = thread?.subject || t('followUp.noSubject');
  const waiting = duration(Math.max(0, now - (thread?.since ?? followUp.anchorAt)));
  switch (followUp.kind) {
    case 'reply':
      return t('followUp.reply', { subject, waiting });
    case 'nudge':
      return t('followUp.nudge', { subject, waiting });
    case 'check_in': {
      // The same reason the engine's check-in names (follow-ups.ts).
      const named = checkInReason(report.risk.reasons);
      if (!followUp.chance)
        return named ? t('followUp.checkIn', { reason: reasonText(tr, named, report) }) : t('followUp.checkInPlain');
      const checkIn = t('followUp.checkInChance', {
        percent: `${followUp.chance.percent}%`,
        days: report.risk.model?.horizonDays ?? 60,
        threshold: `${followUp.chance.threshold}%`,
      });
      return named ? t('followUp.checkInChance.reason', { checkIn, reason: reasonText(tr, named, report) }) : checkIn;
    }
    case 'proactive':
      return followUp.lastStartedByUsAt === undefined
        ? t('followUp.proactive.never', { days: tr.days((now - report.metrics.firstSeenAt) / 86_400_000) })
        : t('followUp.proactive', { days: tr.days((now - followUp.lastStartedByUsAt) / 86_400_000) });
    case 'acknowledge': {
      const cue = report.risk.reasons.find((r) => r.threadId === followUp.threadId && r.phrase !== undefined);
      return cue
        ? t('followUp.acknowledge', { reason: reasonText(tr, cue, report) })
        : t('followUp.acknowledgePlain', { subject });
    }
    case 'onboarding':
      return t('followUp.onboarding', { day: followUp.milestoneDay ?? 0 });
  }
}
