// @vitest-environment happy-dom
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamScopeBody } from '@/components/team-scope-body';
import type { TeamClientReply, TeamClientView, TeamListsReply } from '@/lib/features/team/team-view-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { TranslatorContext } from '@/lib/ui/use-translator';

// A row of "Most at risk for the team" opens its client in the team scope as
// a waiting row does: the same card, Back to the lists, the Gmail search; and
// it is a button, so Tab reaches it and Enter or Space opens it.

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const NOW = Date.UTC(2026, 10, 20, 12);
const bob = { memberId: 'bobmember', name: 'Bob', self: false };
const reason = {
  kind: 'silence' as const,
  weight: 100,
  text: 'last exchange 30 days ago',
  numbers: {
    silenceDays: 30,
    usualGapDays: 7,
    unusualGapDays: 20,
    expectedGapDays: 7,
    accountGapDays: 7,
    lastFromThem: true,
  },
};

const team: Extract<TeamListsReply, { connected: true }> = {
  connected: true,
  version: 'v1',
  waiting: { rows: [], total: 0 },
  riskiest: [
    { key: 'initech.example', name: 'Initech', level: 'critical', score: 81, reason, member: bob },
    { key: 'hooli.example', name: 'Hooli', level: 'high', score: 64 },
  ],
  ignored: { stale: 0, future: 0, invalid: 0 },
  computedAt: NOW,
};

const initech: TeamClientView = {
  key: 'initech.example',
  name: 'Initech',
  kind: 'org',
  contacts: [{ ...bob, lastInboundAt: NOW - 30 * 86_400_000, lastAt: NOW - 30 * 86_400_000, chance: 81 }],
  waits: [],
  risk: { score: 81, level: 'critical', valueFactor: 1, reasons: [reason] },
  reasonMembers: { silence: bob },
  owner: { ...bob, rule: 'two-way-contact' },
  ownerOverruled: 0,
};

let root: Root;
let container: HTMLDivElement;
let searched: number;

/** The body as the popup holds it: a row opens a client, whose card the background sends. */
function Body() {
  const [opened, setOpened] = useState<string>();
  const reply: TeamClientReply = { connected: true, client: initech, computedAt: NOW };
  return createElement(TeamScopeBody, {
    team,
    waiting: { rows: [], need: () => undefined },
    ...(opened !== undefined && { opened: { key: opened, reply } }),
    onOpen: setOpened,
    onBack: () => setOpened(undefined),
    onSearchInGmail: () => {
      searched += 1;
    },
  });
}

const t = createTranslator('en');
const query = (selector: string) => container.querySelector<HTMLElement>(selector);

describe('a row of the team’s clients most at risk', () => {
  beforeEach(() => {
    searched = 0;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('is a button named for its client, and opens the team’s card of it; Back returns to the lists', () => {
    act(() => root.render(createElement(TranslatorContext.Provider, { value: t }, createElement(Body))));
    const rows = [...container.querySelectorAll<HTMLButtonElement>('[data-testid=team-risks] li button')];
    expect(rows.map((b) => [b.type, b.getAttribute('aria-label'), b.closest('li')?.dataset.client])).toEqual([
      ['button', t.t('team.openClient', { name: 'Initech' }), 'initech.example'],
      ['button', t.t('team.openClient', { name: 'Hooli' }), 'hooli.example'],
    ]);
    // Its reason and the member it is about stay on the row.
    expect(rows[0]?.textContent).toContain('Bob');

    act(() => rows[0]?.click());
    const card = query('[data-testid=team-client]');
    expect(card?.dataset.client).toBe('initech.example');
    expect(query('[data-testid=team-owner]')?.textContent).toContain('Bob');
    // The keyboard lands on Back, as from a waiting row.
    expect(document.activeElement).toBe(query('[data-testid=team-back]'));

    act(() => query('[data-testid=team-search-gmail]')?.click());
    expect(searched).toBe(1);

    act(() => query('[data-testid=team-back]')?.click());
    expect(query('[data-testid=team-client]')).toBeNull();
    expect(container.querySelectorAll('[data-testid=team-risks] li button')).toHaveLength(2);
  });
});
