import { describe, expect, it } from 'vitest';
import { analyzeAccount } from '@/lib/engine/analyze';
import { analyzeClientByClient } from '@/lib/engine/analyze-by-client';
import { baseClientKey } from '@/lib/engine/client-identity';
import type { MailMessage } from '@/lib/engine/types';
import { DAY, HOUR, identity, ME, mail, syntheticMailbox } from './mail-builders';

const now = Date.parse('2026-11-16T12:00:00Z');
const settings = { timeZone: 'UTC' };
const byTimeThenId = (a: MailMessage, b: MailMessage) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const basesOf = (m: MailMessage) =>
  [m.from, ...m.to, ...m.cc]
    .flatMap((party) => baseClientKey(party.email) ?? [])
    .filter((key) => key !== 'studio.example');

function mailbox(): MailMessage[] {
  const at = now - 700 * DAY;
  return [
    ...syntheticMailbox(60, 3000, now, 5),
    // Clients first met on the same message, and at the same time: the order they are met in is the parties' order.
    mail({ id: 'x1', threadId: 'tx', from: ME, to: ['zoe@zeta.example', 'al@alpha.example'], at }),
    mail({ id: 'x0', threadId: 'ty', from: 'mo@mid.example', cc: ['bo@beta.example'], at }),
    mail({ id: 'x2', threadId: 'tx', from: 'al@alpha.example', at: at + 5 * HOUR, snippet: 'Any news?' }),
    // Automated senders: a vendor and a newsletter set aside, a client's notices beside its people,
    // and a role address the user wrote to first, which is a client.
    mail({ id: 'a1', threadId: 'ta', from: 'renewals@vendor.example', at: now - 9 * DAY }),
    mail({ id: 'a2', threadId: 'ta', from: ME, to: ['renewals@vendor.example'], at: now - 8 * DAY }),
    mail({ id: 'a3', threadId: 'tb', from: 'news@letters.example', at: now - 7 * DAY }),
    mail({ id: 'a4', threadId: 'tc', from: 'news@letters.example', at: now - 6 * DAY }),
    mail({ id: 'a5', threadId: 'td', from: 'notifications@client3.example', at: now - 5 * DAY }),
    mail({ id: 'a6', threadId: 'te', from: ME, to: ['billing@partner.example'], at: now - 4 * DAY }),
    mail({ id: 'a7', threadId: 'te', from: 'billing@partner.example', at: now - 3 * DAY }),
  ].sort(byTimeThenId);
}

describe('analyzeClientByClient', () => {
  it('gives the reports and population of analyzeAccount, fed one client at a time in any order', () => {
    const messages = mailbox();
    const context = {
      identity,
      settings,
      now,
      overrides: {
        clients: { 'client7.example': { mergeInto: 'client8.example' }, 'client9.example': { value: 500 } },
        splitAddresses: ['contact2@client11.example'],
      },
      contactEvents: [
        { clientKey: 'client12.example', at: now - 3 * DAY },
        { clientKey: 'met.example', at: now - 9 * DAY },
      ],
      watchedClients: ['watched.example'],
    };
    const whole = analyzeAccount({ messages, ...context });
    const analysis = analyzeClientByClient(context);
    const bases = new Set(messages.flatMap(basesOf));
    const keys = [...new Set([...analysis.outsideClients(), ...[...bases].flatMap(analysis.clientsOf)])];
    expect(keys).toEqual(expect.arrayContaining(['watched.example', 'met.example', 'contact2@client11.example']));
    expect(keys).not.toContain('client7.example');
    for (const key of keys.reverse()) {
      const sources = new Set(analysis.sourceKeys(key));
      analysis.addClient(
        key,
        messages.filter((m) => basesOf(m).some((base) => sources.has(base))),
      );
    }
    analysis.addClient('nobody.example', []);
    expect(whole.setAside.map((c) => c.key)).toEqual(['letters.example', 'vendor.example']);
    expect(whole.clients.map((c) => c.key)).toEqual(expect.arrayContaining(['client3.example', 'partner.example']));
    expect(analysis.finish()).toEqual({
      clients: whole.clients,
      population: whole.population,
      setAside: whole.setAside,
    });
  });
});
