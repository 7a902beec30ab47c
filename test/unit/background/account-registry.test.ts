import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listAccounts, recordAccountSeen } from '@/lib/background/account-registry';

describe('account registry', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one entry per account and remembers its address once seen', async () => {
    await recordAccountSeen({ accountPath: 'u/0', address: 'olena@example.com', lastSeenAt: 1, lastView: 'inbox' });
    await recordAccountSeen({ accountPath: 'u/1', lastSeenAt: 2, lastView: 'sent' });
    const count = await recordAccountSeen({ accountPath: 'u/0', lastSeenAt: 3, lastView: 'inbox/abc' });
    expect(count).toBe(2);
    expect(await listAccounts()).toEqual([
      { accountPath: 'u/0', address: 'olena@example.com', lastSeenAt: 3, lastView: 'inbox/abc' },
      { accountPath: 'u/1', lastSeenAt: 2, lastView: 'sent' },
    ]);
  });
});
