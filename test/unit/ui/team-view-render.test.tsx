import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScopeSwitch } from '@/components/scope-switch';
import { TeamClientCard } from '@/components/team-client-card';
import { TeamLists } from '@/components/team-lists';
import type { TeamClientView } from '@/lib/features/team/team-view-messages';
import { LANGUAGES } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';
import { TranslatorContext } from '@/lib/ui/use-translator';

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
const ann = { memberId: 'annmember', name: 'Ann', self: true };
const bob = { memberId: 'bobmember', name: 'Bob', self: false };

const globex: TeamClientView = {
  key: 'globex.example',
  name: 'Globex',
  kind: 'org',
  contacts: [
    { ...bob, lastInboundAt: NOW - 3 * DAY, lastOutboundAt: NOW - 10 * DAY, lastAt: NOW - 3 * DAY, chance: 30 },
    { ...ann, lastOutboundAt: NOW - 20 * DAY, lastAt: NOW - 20 * DAY, chance: 55 },
  ],
  waits: [{ ...bob, since: NOW - 3 * DAY }],
  place: { ...bob, since: NOW - 3 * DAY, priority: 2.4, urgency: 2.4, dueAt: NOW - 3 * DAY + 4 * 3_600_000 },
  risk: {
    score: 62,
    level: 'high',
    valueFactor: 1,
    reasons: [
      {
        kind: 'silence',
        weight: 100,
        text: 'last exchange 3 days ago (their message)',
        numbers: {
          silenceDays: 3,
          usualGapDays: 7,
          unusualGapDays: 20,
          expectedGapDays: 7,
          accountGapDays: 7,
          lastFromThem: true,
        },
      },
    ],
  },
  reasonMembers: { silence: bob, waiting_on_us: bob },
  owner: { ...bob, rule: 'two-way-contact' },
  ownerOverruled: 0,
};

const globexRow = {
  key: globex.key,
  name: globex.name,
  level: globex.risk.level,
  score: 62,
  place: globex.place as NonNullable<TeamClientView['place']>,
};

/** The team lists' props with these waiting rows loaded, nothing at risk, and nothing asked. */
const lists = (rows: (typeof globexRow | undefined)[]) => ({
  waiting: { rows, need: () => undefined },
  riskiest: [],
  now: NOW,
  onOpen: () => undefined,
});

function render(language: (typeof LANGUAGES)[number], element: ReactElement): string {
  return renderToStaticMarkup(
    createElement(TranslatorContext.Provider, { value: createTranslator(language) }, element),
  );
}

describe('the team scope components', () => {
  it.each(LANGUAGES)('list a client waiting on Bob in Ann’s team list, with Bob named, in %s', (language) => {
    const { t, duration } = createTranslator(language);
    const html = render(language, createElement(TeamLists, { ...lists([globexRow]), ignored: 2 }));
    expect(html).toContain(t('team.waitingOnTeam'));
    // The row is one button that opens the client.
    expect(html).toContain(
      `<button type="button" class="kw-team-row" aria-label="${t('team.openClient', { name: 'Globex' })}"`,
    );
    expect(html).toContain(t('team.waitingOn', { waited: duration(3 * DAY), member: 'Bob' }));
    expect(html).toContain('data-member="bobmember"');
    // Why it stands there, in the words of the account's rows.
    expect(html).toContain(t('popup.why.overdue', { late: duration(3 * DAY - 4 * 3_600_000) }));
    expect(html).toContain(t('team.ignored', { count: 2 }));
  });

  it.each(LANGUAGES)(
    'show a row not loaded yet as loading, and offer the Gmail search on an opened client, in %s',
    (language) => {
      const { t } = createTranslator(language);
      const html = render(language, createElement(TeamLists, { ...lists([globexRow, undefined]), ignored: 0 }));
      expect(html).toContain(t('team.loadingRow'));
      expect(html).toContain('aria-setsize="2"');
      const card = render(
        language,
        createElement(TeamClientCard, { client: globex, now: NOW, onSearchInGmail: () => undefined }),
      );
      expect(card).toContain(t('team.searchInGmail'));
      expect(render(language, createElement(TeamClientCard, { client: globex, now: NOW }))).not.toContain(
        t('team.searchInGmail'),
      );
    },
  );

  it.each(LANGUAGES)('say when nobody waits and nobody is at risk, in %s', (language) => {
    const { t } = createTranslator(language);
    const html = render(language, createElement(TeamLists, { ...lists([]), ignored: 0 }));
    expect(html).toContain(t('team.nobodyWaiting'));
    expect(html).toContain(t('team.noneAtRisk'));
    expect(html).not.toContain(t('team.ignored', { count: 0 }));
  });

  it.each(LANGUAGES)('show who talks to the client, when each last did, and who owns it, in %s', (language) => {
    const { t, duration } = createTranslator(language);
    const html = render(language, createElement(TeamClientCard, { client: globex, now: NOW }));
    expect(html).toContain(t('team.whoTalks', { name: 'Globex' }));
    expect(html).toContain(t('team.memberYou', { name: 'Ann' }));
    expect(html).toContain(t('team.theirLast', { ago: duration(3 * DAY) }));
    expect(html).toContain(t('team.memberLast', { ago: duration(20 * DAY) }));
    expect(html).toContain(t('team.owner', { member: 'Bob', rule: t('team.owner.two-way-contact') }));
    // The silence reason names the member whose contact it counts from.
    expect(html).toMatch(/— Bob/);
  });

  it.each(LANGUAGES)('say a client has no owner yet, or no contact in the team, in %s', (language) => {
    const { t } = createTranslator(language);
    const { owner: _owner, ...unowned } = globex;
    expect(render(language, createElement(TeamClientCard, { client: unowned, now: NOW }))).toContain(
      t('team.owner.none'),
    );
    expect(render(language, createElement(TeamClientCard, { client: undefined, now: NOW }))).toContain(
      t('team.notInTeam'),
    );
  });

  it.each(LANGUAGES)('offer the scope switch with the chosen scope checked, in %s', (language) => {
    const { t } = createTranslator(language);
    const html = render(language, createElement(ScopeSwitch, { scope: 'team', onChange: () => {} }));
    expect(html).toContain(t('team.scope.mine'));
    expect(html).toContain(t('team.scope.team'));
    expect(html).toMatch(/checked="" value="team"/);
  });
});
