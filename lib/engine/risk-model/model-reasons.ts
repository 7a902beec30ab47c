// The reasons the model's terms speak through, with their numbers and the
// English sentence (the UI renders them in the reader's language from the
// numbers, lib/i18n/risk-reason-text.ts).
import { DAY } from '../business-hours';
import { formatDays, formatPercent } from '../format';
import type { RiskReason } from '../risk-types';
import { expectedGapDays, type FeatureInput, lastExchangeAt } from './risk-features';

function silence({ metrics: m, population, now }: FeatureInput): RiskReason | undefined {
  const last = lastExchangeAt(m);
  if (last === undefined) return undefined;
  const silenceDays = Math.max(0, (now - last) / DAY);
  const accountGapDays = Math.exp(population.cadence.mu);
  const expected = expectedGapDays(m, population);
  const lastMailAt = Math.max(
    m.lastInboundAt ?? Number.NEGATIVE_INFINITY,
    m.lastOutboundAt ?? Number.NEGATIVE_INFINITY,
  );
  const outsideMail = last > lastMailAt;
  const lastFromThem = !outsideMail && (m.lastInboundAt ?? Number.NEGATIVE_INFINITY) >= last;
  const who = outsideMail ? 'an activity in your CRM' : lastFromThem ? 'their message' : 'yours';
  const usualGapDays = m.cadence?.usualGapDays ?? accountGapDays;
  const context =
    (m.cadence?.gaps ?? 0) > 0
      ? `expected about every ${formatDays(expected)}: they usually write every ${formatDays(usualGapDays)}, your clients every ${formatDays(accountGapDays)}`
      : (m.cadence?.contactDays ?? 0) === 0
        ? `no message from them yet; your clients usually write every ${formatDays(accountGapDays)}`
        : `a single day of contact so far; your clients usually write every ${formatDays(accountGapDays)}`;
  return {
    kind: 'silence',
    weight: 0,
    text: `last exchange ${formatDays(silenceDays)} ago (${who}) — ${context}`,
    numbers: {
      silenceDays: Math.floor(silenceDays),
      usualGapDays,
      unusualGapDays: m.cadence?.unusualGapDays ?? usualGapDays,
      expectedGapDays: expected,
      accountGapDays,
      lastFromThem,
      ...(outsideMail && { outsideMail }),
    },
  };
}

function fewContacts({ metrics: m, now }: FeatureInput): RiskReason {
  const contactDays = m.cadence?.contactDays ?? 0;
  const firstSeenDaysAgo = Math.floor((now - m.firstSeenAt) / DAY);
  return {
    kind: 'few_contacts',
    weight: 0,
    text:
      contactDays === 0
        ? `no message from them yet; you first wrote ${formatDays(firstSeenDaysAgo)} ago`
        : `only ${contactDays} ${contactDays === 1 ? 'day' : 'days'} of contact so far, the first ${formatDays(firstSeenDaysAgo)} ago`,
    numbers: { contactDays, firstSeenDaysAgo },
  };
}

// "0 messages … and 0 in the 90 days before" is true but reads as a glitch;
// with nothing in either window the reason says so in one phrase.
function decliningText(last30: number, previous90: number): string {
  if (last30 === 0 && previous90 === 0) return 'no message from them in the last 120 days';
  return `${last30} ${last30 === 1 ? 'message' : 'messages'} from them in the last 30 days and ${previous90} in the 90 days before`;
}

function declining({ metrics: m }: FeatureInput): RiskReason {
  const t = m.trend;
  return {
    kind: 'declining',
    weight: 0,
    text: decliningText(t.last30, t.previous90),
    numbers: {
      last30: t.last30,
      previous90: t.previous90,
      expected30: t.expected30,
      ...(t.ratio !== undefined && { ratio: t.ratio }),
    },
  };
}

function lowPAlive({ metrics: m, now }: FeatureInput): RiskReason | undefined {
  const p = m.bgnbd?.pAlive;
  if (p === undefined) return undefined;
  const days = m.lastInboundAt !== undefined ? Math.floor((now - m.lastInboundAt) / DAY) : 0;
  const contactDays = m.cadence?.contactDays ?? (m.bgnbd?.x ?? 0) + 1;
  return {
    kind: 'low_p_alive',
    weight: 0,
    text: `only a ${formatPercent(p)} chance they are still active, given ${contactDays} contact days and the last one ${formatDays(days)} ago`,
    numbers: { pAlive: p, contactDays, daysSinceLastContact: days },
  };
}

function accountQuiet({ population }: FeatureInput): RiskReason | undefined {
  const a = population.activity;
  if (!a) return undefined;
  const expected30 = a.previous90 / 3;
  return {
    kind: 'account_quiet',
    weight: 0,
    text: `your whole mailbox is quieter: ${a.last30} messages from clients in the last 30 days, about ${Math.round(expected30)} a month before`,
    numbers: { last30: a.last30, expected30 },
  };
}

/** The reason for a model term of this kind, before its share and ending are added. */
export function modelReason(kind: string, input: FeatureInput): RiskReason | undefined {
  switch (kind) {
    case 'silence':
      return silence(input);
    case 'few_contacts':
      return fewContacts(input);
    case 'declining':
      return declining(input);
    case 'low_p_alive':
      return lowPAlive(input);
    case 'account_quiet':
      return accountQuiet(input);
    default:
      return undefined;
  }
}
