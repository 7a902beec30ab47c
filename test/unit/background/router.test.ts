import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/background/router';

function makeRouter() {
  const pageSeen = vi.fn(async () => ({ accountsKnown: 1 }));
  // Only the routing is under test: the one handler the valid message reaches is enough.
  const setFollowUp = vi.fn(async () => ({ saved: true as const }));
  const router = createRouter(
    { 'content/gmail-page-seen': pageSeen, 'ui/set-follow-up': setFollowUp } as Partial<Handlers> as Handlers,
    ORIGIN,
  );
  return { router, pageSeen, setFollowUp };
}

const ORIGIN = 'chrome-extension://keepwarm/';
const gmailTab = { url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };
const popup = { url: `${ORIGIN}popup.html` };
const followUp = {
  type: 'ui/set-follow-up',
  account: 'olena@brightpath.studio',
  clientKey: 'acme.com',
  key: 'reply:acme.com:1',
  status: 'done',
};

const valid = { type: 'content/gmail-page-seen', account: { accountPath: 'u/0' }, view: 'inbox' };

describe('message router', () => {
  it('hands a valid message to its handler and returns the reply', async () => {
    const { router, pageSeen } = makeRouter();
    await expect(router.route(valid, gmailTab)).resolves.toEqual({ accountsKnown: 1 });
    expect(pageSeen).toHaveBeenCalledWith(valid, gmailTab);
    expect(router.rejectedCount).toBe(0);
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'content/launch-missiles' }],
    ['a wrong field type', { ...valid, view: 42 }],
    ['an extra field', { ...valid, extra: true }],
    ['an invalid address', { ...valid, account: { accountPath: 'u/0', address: 'not-an-address' } }],
    ['an oversized field', { ...valid, view: 'x'.repeat(1_000_000) }],
  ])('refuses and counts %s without calling a handler', async (_, message) => {
    const { router, pageSeen } = makeRouter();
    const reply = (await router.route(message, gmailTab)) as { refused: string };
    expect(reply.refused).toEqual(expect.any(String));
    expect(pageSeen).not.toHaveBeenCalled();
    expect(router.rejectedCount).toBe(1);
  });

  it.each([
    ['a ui message from a content script', followUp, gmailTab],
    ['a ui message from a web page that is not ours', followUp, { url: 'https://evil.example/' }],
    ['a content message from an extension page', valid, popup],
    ['a content message from no tab', valid, { url: 'https://mail.google.com/mail/u/0/' }],
    // A hostile CRM page cannot make Keepwarm watch anyone: only the side panel's click can.
    [
      'watching a client asked by a content script',
      { type: 'ui/watch-client', account: 'olena@brightpath.studio', clientKey: 'fresh.de' },
      { url: 'https://app.hubspot.com/contacts/1/record/0-1/5', tab: { id: 9 } },
    ],
    [
      'forgetting what a CRM taught asked by a content script',
      { type: 'ui/forget-crm-learning', account: 'olena@brightpath.studio', clientKey: 'acme.com' },
      { url: 'https://app.hubspot.com/contacts/1/record/0-1/5', tab: { id: 9 } },
    ],
  ])('refuses and counts %s', async (_, message, sender) => {
    const { router, pageSeen, setFollowUp } = makeRouter();
    const reply = (await router.route(message, sender)) as { refused: string };
    expect(reply.refused).toMatch(/accepted from/);
    expect(pageSeen).not.toHaveBeenCalled();
    expect(setFollowUp).not.toHaveBeenCalled();
    expect(router.rejectedCount).toBe(1);
  });

  it('takes ui messages from its own pages, in a tab or not', async () => {
    const { router, setFollowUp } = makeRouter();
    await router.route(followUp, popup);
    await router.route(followUp, { url: `${ORIGIN}options.html`, tab: { id: 3 } });
    expect(setFollowUp).toHaveBeenCalledTimes(2);
  });
});
