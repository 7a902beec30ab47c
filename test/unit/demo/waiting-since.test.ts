import { describe, expect, it } from 'vitest';
import { accountIdentity } from '@/lib/engine/account-identity';
import { analyzeAccount } from '@/lib/engine/analyze';
import { generateMailbox } from '../../demo/mailbox/generate';
import { mailMessagesOf } from '../../demo/mailbox/mail-messages';
import { waitingSince } from '../../demo/mailbox/waiting-since';

// The end-to-end tests expect the waits they see from the demo mailbox itself.
// The demo is generated relative to the current time, so the expectation must
// agree with the engine at any hour of any day a test may run.

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 3, 0);

describe('waitingSince on the demo mailbox', () => {
  it('agrees with the engine for every client of every account, at every 7th hour of two weeks', () => {
    for (let now = START; now < START + 14 * 24 * HOUR; now += 7 * HOUR) {
      const mailbox = generateMailbox({ seed: 7, now, sharedClient: 'waitingOnUs' });
      for (const account of mailbox.accounts) {
        const { clients } = analyzeAccount({
          messages: mailMessagesOf(account),
          identity: accountIdentity(account.address),
          now,
        });
        const fromEngine = Object.fromEntries(clients.map((c) => [c.key, c.metrics.waiting.onUs?.since]));
        const fromMailbox = Object.fromEntries(clients.map((c) => [c.key, waitingSince(account, c.key)]));
        expect(fromMailbox, new Date(now).toISOString()).toEqual(fromEngine);
      }
    }
  });
});
