import type { RiskReason } from '@/lib/engine/risk-types';
import type { Translator } from './translate';

const DAY = 86_400_000;
const PHRASE_CHARS = 160;

/**
 * Text a client wrote, fit to quote inside one of our sentences: shortened,
 * and isolated with FSI…PDI so a right-to-left override in it cannot reorder
 * the words around it.
 */
export function quoteIsolated(text: string, max = PHRASE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return `\u2068“${short}”\u2069`;
}

function when(t: Translator, days: number): string {
  return days < 1 ? t.t('reason.today') : t.t('reason.ago', { duration: t.days(days) });
}

const days = (t: Translator, count: number) => t.days(Math.max(1, count));

/** One reason in plain words, in the translator's language, from the engine's numbers. */
export function reasonText(reason: RiskReason, t: Translator): string {
  switch (reason.kind) {
    case 'waiting_on_us': {
      const n = reason.numbers;
      const base = { waiting: t.duration(n.waitingMs), working: t.duration(n.waitingBusinessMs) };
      const text =
        n.usualReplyMs === undefined
          ? t.t('reason.waitingOnUsFirst', base)
          : t.t('reason.waitingOnUs', { ...base, usual: t.duration(n.usualReplyMs) });
      return n.targetBusinessMs === undefined
        ? text
        : `${text}${t.t('reason.target', { target: t.duration(n.targetBusinessMs) })}`;
    }
    case 'slow_replies':
      return t.t('reason.slowReplies', {
        recent: t.duration(reason.numbers.recentMedianBusinessMs),
        usual: t.duration(reason.numbers.usualMedianBusinessMs),
      });
    case 'waiting_on_them': {
      const n = reason.numbers;
      const waiting = t.duration(n.waitingMs);
      return n.usualGapMs > n.usualReplyMs
        ? t.t('reason.waitingOnThemGap', { waiting, gap: days(t, n.usualGapMs / DAY) })
        : t.t('reason.waitingOnThemReply', { waiting, usual: t.duration(n.usualReplyMs) });
    }
    case 'silence': {
      const n = reason.numbers;
      const params = { when: when(t, n.silenceDays), expected: days(t, n.expectedGapDays) };
      return t.t(n.lastFromThem ? 'reason.silenceTheirs' : 'reason.silenceYours', params);
    }
    case 'few_contacts':
      return t.t('reason.fewContacts', {
        days: days(t, reason.numbers.contactDays),
        first: when(t, reason.numbers.firstSeenDaysAgo),
      });
    case 'low_p_alive':
      return t.t('reason.lowPAlive', {
        percent: `${Math.round(reason.numbers.pAlive * 100)}%`,
        when: when(t, reason.numbers.daysSinceLastContact),
      });
    case 'declining':
      return t.t('reason.declining', {
        last30: reason.numbers.last30,
        expected: Math.round(reason.numbers.expected30),
      });
    case 'cancellation':
    case 'competitor':
    case 'complaint':
    case 'price': {
      const text = t.t(`reason.${reason.kind}`, {
        when: when(t, reason.numbers.ageDays),
        phrase: quoteIsolated(reason.phrase ?? ''),
      });
      return reason.numbers.answered ? `${text} ${t.t('reason.answered')}` : text;
    }
  }
}
