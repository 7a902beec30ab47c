import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/background/router';

function makeRouter() {
  const pageSeen = vi.fn(async () => ({ accountsKnown: 1 }));
  // Only the routing is under test: the one handler the valid message reaches is enough.
  const router = createRouter({ 'content/gmail-page-seen': pageSeen } as Partial<Handlers> as Handlers);
  return { router, pageSeen };
}

const valid = { type: 'content/gmail-page-seen', account: { accountPath: 'u/0' }, view: 'inbox' };

describe('message router', () => {
  it('hands a valid message to its handler and returns the reply', async () => {
    const { router, pageSeen } = makeRouter();
    await expect(router.route(valid)).resolves.toEqual({ accountsKnown: 1 });
    expect(pageSeen).toHaveBeenCalledWith(valid);
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
    const reply = (await router.route(message)) as { refused: string };
    expect(reply.refused).toEqual(expect.any(String));
    expect(pageSeen).not.toHaveBeenCalled();
    expect(router.rejectedCount).toBe(1);
  });
});
