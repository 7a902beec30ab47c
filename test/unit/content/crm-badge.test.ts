// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readPageInTab } from '@/lib/background/crm-read-page';
import { adaptersFor } from '@/lib/content/crm';
import { createBadge, placeBadge } from '@/lib/content/crm-badge';
import { createTranslator } from '@/lib/i18n/translate';
import { READ_PAGE_MESSAGE } from '@/lib/messaging/read-page';

const { t } = createTranslator('uk');
const actions = { open: vi.fn(), offer: vi.fn() };
const matched = {
  match: 'matched' as const,
  client: { account: 'me@studio.io', key: 'acme.com', name: 'Acme', score: 72, level: 'high' as const },
  candidates: ['acme.com'],
};

describe('the CRM badge', () => {
  it('shows the level as symbol and word in a shadow root, the score in its title', () => {
    const host = createBadge(matched, t, actions) as HTMLElement;
    const pill = host.shadowRoot?.querySelector('.kw-pill');
    expect(pill?.className).toBe('kw-pill kw-pill--high');
    expect(pill?.textContent).toBe('▲ Високий');
    expect(pill?.getAttribute('title')).toBe('Keepwarm: Acme, імовірність 72%, що затихнуть');
    expect(host.dataset.client).toBe('acme.com');
  });

  it('opens the side panel on a click, which the page never sees', () => {
    const host = createBadge(matched, t, actions) as HTMLElement;
    document.body.innerHTML = '<h1 id="title">Acme</h1>';
    const pageClick = vi.fn();
    document.body.addEventListener('click', pageClick);
    placeBadge(host, document.getElementById('title'));
    const button = host.shadowRoot?.querySelector('button');
    expect(button?.type).toBe('button');
    button?.click();
    expect(actions.open).toHaveBeenCalledWith(matched.client);
    expect(pageClick).not.toHaveBeenCalled();
  });

  it('says when the one address is no known client, offers to watch it, and shows nothing when unsure', () => {
    const unknown = createBadge({ match: 'unknown', candidates: ['fresh.de'] }, t, actions);
    expect(unknown?.shadowRoot?.textContent).toContain('Невідомий клієнт');
    unknown?.shadowRoot?.querySelector('button')?.click();
    expect(actions.offer).toHaveBeenCalledWith('fresh.de');
    expect(createBadge({ match: 'unknown', candidates: ['a.de', 'b.de'] }, t, actions)).toBeUndefined();
    expect(createBadge({ match: 'ambiguous', candidates: [] }, t, actions)).toBeUndefined();
    expect(createBadge({ match: 'unreadable', candidates: [] }, t, actions)).toBeUndefined();
    expect(createBadge({ match: 'no-address', candidates: [] }, t, actions)).toBeUndefined();
  });

  it('sits after the title text, or floats when the page has no title', () => {
    document.body.innerHTML =
      '<div class="refid">Jane Doe <div class="refidno">x@y.com</div></div><h3 id="t">Jane</h3>';
    const inside = createBadge(matched, t, actions) as HTMLElement;
    placeBadge(inside, document.querySelector('.refid'));
    expect(inside.previousSibling?.nodeValue).toBe('Jane Doe ');
    const after = createBadge(matched, t, actions) as HTMLElement;
    placeBadge(after, document.getElementById('t'));
    expect(after.previousElementSibling?.id).toBe('t');
    const floating = createBadge(matched, t, actions) as HTMLElement;
    placeBadge(floating, null);
    expect(floating.parentElement).toBe(document.body);
    expect(floating.hasAttribute('data-floating')).toBe(true);
  });
});

describe('which adapters a page may belong to', () => {
  it.each([
    ['https://app.hubspot.com/contacts/1/objects/0-1/views/all/list', ['hubspot']],
    ['https://crm.example.com/#Contact/view/abc', ['espocrm']],
    ['https://crm.example.com/odoo/contacts/7', ['odoo']],
    ['https://crm.example.com/objects/people', []],
    ['https://news.example.com/', []],
  ])('%s', (url, ids) => {
    expect(adaptersFor(new URL(url)).map((a) => a.id)).toEqual(ids);
  });
});

describe('reading a page through the toolbar', () => {
  it('asks a tab that already runs the script, and injects it elsewhere first', async () => {
    const executeScript = vi.fn(async () => []);
    let listening = true;
    const sendMessage = vi.fn(async () => {
      if (!listening) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { read: true };
    });
    await expect(readPageInTab({ tabs: { sendMessage }, scripting: { executeScript } }, 4)).resolves.toEqual({
      read: true,
    });
    expect(executeScript).not.toHaveBeenCalled();
    listening = false;
    executeScript.mockImplementation(async () => {
      listening = true;
      return [];
    });
    await expect(readPageInTab({ tabs: { sendMessage }, scripting: { executeScript } }, 4)).resolves.toEqual({
      read: true,
    });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4 }, files: ['content-scripts/crm.js'] });
    expect(sendMessage).toHaveBeenLastCalledWith(4, { type: READ_PAGE_MESSAGE });
  });
});
