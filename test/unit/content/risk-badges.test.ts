// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { conversationBadgeSpot, type RowReading, rowBadgeSpots } from '@/lib/content/badge-spots';
import { RiskBadges } from '@/lib/content/risk-badges';
import type { ThreadRisk } from '@/lib/features/gmail/messages';
import type { ReplyTo } from '@/lib/messaging/schemas';
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { queryWithFallbacks } from '@/lib/sites/gmail/selectors';
import { extractThreadRow } from '@/lib/sites/gmail/thread-rows';
import { renderGmailHtml } from '../../demo/gmail/render-page';
import { DEMO_ME, DEMO_NOW, demoMailbox } from '../sites/gmail/fixtures';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const account = demoMailbox.accounts[0];
if (!account) throw new Error('demo has no account');
const clientThreads = new Set(account.threads.filter((t) => t.kind === 'client').map((t) => t.id));

function risk(threadId: string, overrides: Partial<ThreadRisk> = {}): ThreadRisk {
  return {
    threadId,
    clientKey: `client-of-${threadId}`,
    name: `Client ${threadId}`,
    level: 'high',
    score: 62,
    levelText: 'High',
    scoreText: 'risk 62 of 100',
    reasons: [{ kind: 'silence', text: 'last exchange 40 days ago' }],
    label: `Client ${threadId}: High risk`,
    ...overrides,
  };
}

/** A background that knows the demo's client threads, and counts what it was asked. */
function fakeSource(
  make: (id: string) => ThreadRisk | undefined = (id) => (clientThreads.has(id) ? risk(id) : undefined),
) {
  const asked: string[][] = [];
  const open = vi.fn();
  return {
    asked,
    open,
    source: {
      async ask(ids: string[]): Promise<ReplyTo<'content/get-thread-risks'>> {
        asked.push(ids);
        return { threads: ids.flatMap((id) => make(id) ?? []), openHint: 'Click to open' };
      },
      open,
    },
  };
}

function loadPage(options: { layout?: 'vertical'; hash?: string } = {}) {
  const html = renderGmailHtml(demoMailbox, {
    accountIndex: 0,
    hash: options.hash ?? '#inbox',
    timeZone: 'UTC',
    ...options,
  });
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

const readings = new WeakMap<Element, RowReading>();
function read(rows: Element[]) {
  for (const row of rows) {
    if (readings.has(row)) continue;
    const { record, failed } = extractThreadRow(row, { myAddresses: [DEMO_ME], now: DEMO_NOW });
    readings.set(row, { threadId: record.threadId, failed });
  }
}
const rows = () => [...document.querySelectorAll('[gh=tl] tr.zA[id]')];
function spots() {
  read(rows());
  return rowBadgeSpots(rows(), (row) => readings.get(row));
}
function badgeOf(row: Element): Element | null {
  const next = row.nextElementSibling;
  // A vertical-pane thread continues in the following rows without an id.
  const subjectRow = next && !next.id && next.classList.contains('apv') ? next : row;
  return row.querySelector('keepwarm-badge') ?? subjectRow.querySelector('keepwarm-badge');
}
const threadIdOf = (row: Element) => readings.get(row)?.threadId ?? '';

/** The demo inbox with its badges drawn from a fake background. */
async function drawnInbox() {
  loadPage();
  const fake = fakeSource();
  const badges = new RiskBadges(document, fake.source);
  badges.render(spots().spots);
  await flush();
  return { ...fake, badges };
}

describe('risk badges on Gmail rows', () => {
  it.each([['default'], ['vertical']] as const)(
    'puts one badge first in the subject line of each client row (%s layout)',
    async (layout) => {
      loadPage(layout === 'vertical' ? { layout } : {});
      const { source, asked } = fakeSource();
      const badges = new RiskBadges(document, source);
      badges.render(spots().spots);
      await flush();
      expect(asked).toHaveLength(1);
      for (const row of rows()) {
        const badge = badgeOf(row);
        expect(Boolean(badge), threadIdOf(row)).toBe(clientThreads.has(threadIdOf(row)));
        if (badge) {
          // First in the subject itself, on its line, in both layouts.
          expect(badge.parentElement?.classList.contains('bog')).toBe(true);
          expect(badge.parentElement?.firstChild).toBe(badge);
          expect(badge.shadowRoot?.querySelector('button')?.textContent).toContain('High');
        }
      }
      expect(document.querySelectorAll('keepwarm-badge').length).toBe(
        rows().filter((r) => clientThreads.has(threadIdOf(r))).length,
      );
    },
  );

  it('reuses the same element when Gmail re-renders a row, and updates it in place when the risk changes', async () => {
    loadPage();
    let level: ThreadRisk['level'] = 'high';
    const { source, asked } = fakeSource((id) =>
      clientThreads.has(id) ? risk(id, { level, levelText: level }) : undefined,
    );
    const badges = new RiskBadges(document, source);
    badges.render(spots().spots);
    await flush();
    const row = rows().find((r) => clientThreads.has(threadIdOf(r))) as Element;
    const badge = badgeOf(row) as HTMLElement;
    const button = badge.shadowRoot?.querySelector('button') as HTMLButtonElement;

    const replacement = row.cloneNode(true) as Element;
    replacement.querySelector('keepwarm-badge')?.remove();
    row.replaceWith(replacement);
    badges.render(spots().spots);
    expect(badgeOf(replacement)).toBe(badge);
    expect(asked).toHaveLength(1);

    level = 'critical';
    badges.refresh();
    expect(badgeOf(replacement)).toBe(badge);
    await flush();
    expect(badgeOf(replacement)).toBe(badge);
    expect(badge.shadowRoot?.querySelector('button')).toBe(button);
    expect(button.className).toBe('critical');
    expect(button.textContent).toContain('critical');
  });

  it('shows a reason to act now apart from the level, and takes it away when it is gone', async () => {
    loadPage();
    let urgent: ThreadRisk['urgent'] = {
      kind: 'cancellation',
      word: 'cancelling?',
      text: 'they asked about cancelling today',
    };
    const { source } = fakeSource((id) =>
      clientThreads.has(id) ? risk(id, { level: 'low', levelText: 'Low', ...(urgent && { urgent }) }) : undefined,
    );
    const badges = new RiskBadges(document, source);
    badges.render(spots().spots);
    await flush();
    const badge = badgeOf(rows().find((r) => clientThreads.has(threadIdOf(r))) as Element) as HTMLElement;
    const button = badge.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('✓Low! cancelling?');
    expect(badge.getAttribute('data-urgent')).toBe('cancellation');
    button.dispatchEvent(new Event('focus'));
    const tooltip = document.querySelector('keepwarm-tooltip')?.shadowRoot;
    expect(tooltip?.querySelector('.urgent')?.textContent).toBe('! they asked about cancelling today');
    urgent = undefined;
    badges.refresh();
    await flush();
    expect(badge.shadowRoot?.querySelector<HTMLElement>('.urgent')?.hidden).toBe(true);
    expect(badge.hasAttribute('data-urgent')).toBe(false);
  });

  it('reads a row with its badge drawn exactly as without it', async () => {
    await drawnInbox();
    const badged = rows().filter((row) => badgeOf(row));
    expect(badged.length).toBeGreaterThan(0);
    for (const row of badged) {
      const withBadge = extractThreadRow(row, { myAddresses: [DEMO_ME], now: DEMO_NOW });
      badgeOf(row)?.remove();
      expect(withBadge).toEqual(extractThreadRow(row, { myAddresses: [DEMO_ME], now: DEMO_NOW }));
    }
  });

  it('draws nothing when the rows read badly, and takes drawn badges away', async () => {
    const { badges } = await drawnInbox();
    expect(document.querySelectorAll('keepwarm-badge').length).toBeGreaterThan(0);
    for (const row of rows()) readings.set(row, { threadId: readings.get(row)?.threadId, failed: ['participants'] });
    const unhealthy = rowBadgeSpots(rows(), (row) => readings.get(row));
    expect(unhealthy.health.healthy).toBe(false);
    badges.render(unhealthy.spots);
    expect(document.querySelectorAll('keepwarm-badge')).toHaveLength(0);
  });

  it('puts a badge in an opened conversation’s heading only when the conversation reads well', async () => {
    const thread = account.threads.find((t) => t.kind === 'client' && t.messages.length > 1);
    loadPage({ hash: `#inbox/${thread?.token}` });
    const { source } = fakeSource();
    const badges = new RiskBadges(document, source);
    const { conversation, health } = extractConversation(document, { myAddresses: [DEMO_ME], now: DEMO_NOW });
    const container = queryWithFallbacks(document, 'conversation');
    badges.render(conversationBadgeSpot(container, conversation?.threadId, health));
    await flush();
    expect(document.querySelector('h2.hP')?.lastElementChild?.tagName).toBe('KEEPWARM-BADGE');
    badges.render(conversationBadgeSpot(container, conversation?.threadId, { ...health, healthy: false }));
    expect(document.querySelector('keepwarm-badge')).toBeNull();
  });

  it('opens the client on click without the row seeing the click', async () => {
    const { open } = await drawnInbox();
    const row = rows().find((r) => clientThreads.has(threadIdOf(r))) as Element;
    const rowClicks = vi.fn();
    for (const type of ['click', 'mousedown', 'mouseup']) row.addEventListener(type, rowClicks);
    const badge = badgeOf(row) as HTMLElement;
    for (const type of ['mousedown', 'mouseup', 'click']) {
      badge.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    }
    expect(rowClicks).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ threadId: threadIdOf(row) }));
    // The rest of the row still opens the thread.
    row.querySelector('.y6')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(rowClicks).toHaveBeenCalledTimes(1);
  });

  it('shows hostile names and reasons as inert text', async () => {
    loadPage();
    const hostile = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>\u202Eexe.pdf';
    const long = 'W'.repeat(10_000);
    const { source } = fakeSource((id) =>
      clientThreads.has(id)
        ? risk(id, {
            name: hostile,
            reasons: [
              { kind: 'complaint', text: hostile },
              { kind: 'silence', text: long },
            ],
            label: hostile,
          })
        : undefined,
    );
    const badges = new RiskBadges(document, source);
    badges.render(spots().spots);
    await flush();
    const badge = document.querySelector('keepwarm-badge') as HTMLElement;
    const button = badge.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe(hostile);
    button.dispatchEvent(new Event('focus'));
    const tooltip = document.querySelector('keepwarm-tooltip')?.shadowRoot;
    expect(tooltip?.querySelector('.name')?.textContent).toBe(hostile);
    expect(tooltip?.querySelectorAll('li')[1]?.textContent).toBe(long);
    expect(tooltip?.querySelector('img, script')).toBeNull();
    expect(badge.shadowRoot?.querySelector('img, script')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    const tooltipBox = () => document.querySelector('keepwarm-tooltip')?.shadowRoot?.querySelector('[role=tooltip]');
    document.dispatchEvent(new Event('scroll'));
    expect(tooltipBox()?.hasAttribute('hidden')).toBe(true);
    button.dispatchEvent(new Event('focus'));
    expect(tooltipBox()?.hasAttribute('hidden')).toBe(false);
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(
      document.querySelector('keepwarm-tooltip')?.shadowRoot?.querySelector('[role=tooltip]')?.hasAttribute('hidden'),
    ).toBe(true);
  });

  it('asks once for a page, and again only after the risks changed', async () => {
    loadPage();
    const { source, asked } = fakeSource();
    const badges = new RiskBadges(document, source);
    for (let i = 0; i < 5; i++) badges.render(spots().spots);
    await flush();
    badges.render(spots().spots);
    await flush();
    expect(asked).toHaveLength(1);
    expect(new Set(asked[0]).size).toBe(rows().length);
    badges.refresh();
    await flush();
    expect(asked).toHaveLength(2);
  });

  it('leaves the page as it found it when the content script goes', async () => {
    const { badges } = await drawnInbox();
    badges.destroy();
    expect(document.querySelector('keepwarm-badge, keepwarm-tooltip')).toBeNull();
  });
});
