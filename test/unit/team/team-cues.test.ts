import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import { DEFAULT_CADENCE_PRIOR } from '@/lib/engine/cadence';
import type { ClientReport, PopulationModel } from '@/lib/engine/report-types';
import type { MailMessage } from '@/lib/engine/types';
import type { MemberView } from '@/lib/features/team/team-replica';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import { createTranslator } from '@/lib/i18n/translate';
import { summarizeClient } from '@/lib/team/summary';
import { teamScope } from '@/lib/team/team-scope';
import { memberName } from '@/lib/ui/team-member-name';
import { DAY, HOUR, identity, ME, mail } from '../engine/mail-builders';

// A colleague's cues — a complaint, a question about cancelling, price
// concerns, other providers named — reach the team as kinds and numbers, and
// the team view shows them among the client's reasons like one's own, in
// English, Ukrainian and Russian, with the colleague named and none of the
// client's words.

const NOW = Date.parse('2026-11-16T12:00:00Z');
const CLIENT = 'anna@acme.example';
const LANGUAGES = ['en', 'uk', 'ru'] as const;
const population: PopulationModel = { cadence: DEFAULT_CADENCE_PRIOR, ourReplyBusinessMs: {} };

/** A year of steady mail with a client, then their last message: `last` in its subject and snippet. */
function mailbox(last: { subject: string; snippet: string; at: number }): MailMessage[] {
  const out: MailMessage[] = [];
  for (let i = 0; i < 12; i++) {
    const at = last.at - (360 - i * 30) * DAY;
    out.push(
      mail({ id: `a${i}`, threadId: `t${i}`, from: CLIENT, at, subject: 'Project', snippet: 'Thanks' }),
      mail({ id: `b${i}`, threadId: `t${i}`, from: ME, to: [CLIENT], at: at + 5 * HOUR, subject: 'Re: Project' }),
    );
  }
  out.push(mail({ id: 'last', threadId: 'tl', from: CLIENT, ...last }));
  return out;
}

function reportOf(messages: MailMessage[], now: number): ClientReport {
  const { clients } = analyzeAccount({ messages, identity, settings: { timeZone: 'UTC' }, now });
  const report = clients.find((c) => c.key === 'acme.example');
  if (!report) throw new Error('acme.example was not reported');
  return report;
}

const member = (memberId: string, name: string, report: ClientReport, self: boolean, at: number): MemberView => ({
  memberId,
  name,
  self,
  revoked: false,
  summaries: new Map([['acme.example', summarizeClient(report, at)]]),
});

/** Every reason of the team's client, in each language, as the team view says it (member named). */
function teamReasonTexts(members: MemberView[], now: number): string[] {
  const client = teamScope({ view: { members, corrections: [], invalid: 0 }, population, now }).clients[0];
  if (!client) throw new Error('no team client');
  return LANGUAGES.flatMap((language) => {
    const tr = createTranslator(language);
    return client.risk.reasons.map((reason) => {
      const who = client.reasonMembers[reason.kind];
      const text = reasonText(tr, reason);
      return who ? tr.t('team.reasonOf', { reason: text, member: memberName(tr.t, who) }) : text;
    });
  });
}

describe('a colleague’s cues in the team view', () => {
  // Bob's client complained and asked about cancelling three days ago; Ann has only old, calm mail.
  const bobs = reportOf(
    mailbox({
      at: NOW - 3 * DAY,
      subject: 'Unacceptable delays',
      snippet: 'We want to cancel the contract, it is too expensive',
    }),
    NOW - 1 * DAY,
  );
  const anns = reportOf(mailbox({ at: NOW - 40 * DAY, subject: 'Project', snippet: 'All good' }), NOW);
  const members = [member('annmember', 'Ann', anns, true, NOW), member('bobmember', 'Bob', bobs, false, NOW - DAY)];
  const client = teamScope({ view: { members, corrections: [], invalid: 0 }, population, now: NOW }).clients[0];

  it('are the client’s reasons to act, each of its kind, counted to today, with Bob named and no words', () => {
    const cueKinds = bobs.risk.reasons.filter((r) => r.phrase !== undefined).map((r) => r.kind);
    // Bob's own report quotes the client: the test would prove nothing otherwise.
    expect(cueKinds).toEqual(expect.arrayContaining(['complaint', 'cancellation', 'price']));
    for (const kind of cueKinds) {
      const reason = client?.risk.reasons.find((r) => r.kind === kind);
      expect(reason).toMatchObject({ kind, urgent: true, weight: 0 });
      // Two days old in Bob's summary of yesterday, three days old today.
      expect(reason?.numbers).toMatchObject({ ageDays: 3, hits: 1, answered: false });
      expect(reason).not.toHaveProperty('phrase');
      expect(reason).not.toHaveProperty('threadId');
      expect(client?.reasonMembers[kind]?.name).toBe('Bob');
    }
  });

  it('are said in English, Ukrainian and Russian as one’s own are, without a quote', () => {
    const texts = teamReasonTexts(members, NOW);
    for (const language of LANGUAGES) {
      const { t } = createTranslator(language);
      for (const kind of ['complaint', 'cancellation', 'price'] as const) {
        const verb = t(`riskReason.cue.${kind}`);
        expect(texts.some((text) => text.includes(verb) && text.endsWith('— Bob'))).toBe(true);
      }
    }
    for (const text of texts) expect(text).not.toMatch(/["«»\u2068]|Unacceptable|cancel the contract|too expensive/);
  });

  it('give way to the member’s own cue of the same kind when it is more recent, quoted from their own mail', () => {
    const annsComplaint = reportOf(
      mailbox({ at: NOW - 1 * DAY, subject: 'Unacceptable', snippet: 'We are not happy' }),
      NOW,
    );
    const team = teamScope({
      view: {
        members: [member('annmember', 'Ann', annsComplaint, true, NOW), members[1] as MemberView],
        corrections: [],
        invalid: 0,
      },
      population,
      ownMetrics: () => annsComplaint.metrics,
      now: NOW,
    }).clients[0];
    const complaint = team?.risk.reasons.find((r) => r.kind === 'complaint');
    expect(complaint?.phrase).toBeDefined();
    expect(team?.reasonMembers.complaint?.name).toBe('Ann');
    // Bob's cancellation question is still the team's.
    expect(team?.reasonMembers.cancellation?.name).toBe('Bob');
  });
});

describe('the words of a cue', () => {
  const word = fc.stringMatching(/^[A-Za-zА-Яа-яІіЇїЄєҐґ]{4,12}$/).map((w) => `Qz${w}`);
  const template = fc.constantFrom(
    (w: string) => `we are not ${w} happy`,
    (w: string) => `we will cancel ${w} contract`,
    (w: string) => `це ${w} неприйнятно, скасувати договір`,
    (w: string) => `это ${w} неприемлемо, отменить договор`,
    (w: string) => `your fees are too ${w} expensive`,
  );

  it('never reach a summary nor a colleague’s team view, in any language', () => {
    fc.assert(
      fc.property(word, word, template, (inSubject, inPhrase, cue) => {
        const report = reportOf(
          mailbox({ at: NOW - 2 * DAY, subject: `${inSubject} ${cue(inPhrase)}`, snippet: cue(inPhrase) }),
          NOW,
        );
        expect(JSON.stringify(report)).toContain(inPhrase);
        const shared = JSON.stringify(summarizeClient(report, NOW));
        expect(shared).not.toContain(inSubject);
        expect(shared).not.toContain(inPhrase);
        const anns = reportOf(mailbox({ at: NOW - 40 * DAY, subject: 'Project', snippet: 'All good' }), NOW);
        const texts = teamReasonTexts(
          [member('annmember', 'Ann', anns, true, NOW), member('bobmember', 'Bob', report, false, NOW)],
          NOW,
        ).join('\n');
        expect(texts).not.toContain(inSubject);
        expect(texts).not.toContain(inPhrase);
      }),
      { numRuns: 40 },
    );
  });
});
