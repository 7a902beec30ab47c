import type { StoredClientOverride, StoredCrmLearning } from '@/lib/data/stored-rows';
import { accountIdentity } from '@/lib/engine/account-identity';
import { HOUR } from '@/lib/engine/business-hours';
import type { OutsideContact } from '@/lib/engine/outside-contact';
import type { ClientOverride, ClientOverrides } from '@/lib/engine/overrides';
import { riskModelOf } from '@/lib/engine/risk-model/account-model';
import type { ShippedModel } from '@/lib/engine/risk-model/shipped-model';
import type { EngineSettings } from '@/lib/engine/settings';
import type { AccountIdentity } from '@/lib/engine/types';
import type { UserSettings } from '@/lib/settings/user-settings';
import type { KeepwarmDb } from '@/lib/store/db';
import { readUserSettings } from './settings-store';

/** What the engine needs to know of the user for one account, read from storage. */
export interface EngineContext extends OutsideContact {
  identity: AccountIdentity;
  settings: EngineSettings;
  overrides: ClientOverrides;
  /** The account's own model when it adopted one, else the shipped one. */
  riskModel: ShippedModel;
}

export function accountOverridesOf(db: KeepwarmDb, account: string): Promise<StoredClientOverride[]> {
  return db.clientOverrides.where('[account+key]').between([account, ''], [account, '\uffff']).toArray();
}

/** What the CRM taught about the clients of one account. */
export function accountLearningOf(db: KeepwarmDb, account: string): Promise<StoredCrmLearning[]> {
  return db.crmLearned.where('[account+clientKey]').between([account, ''], [account, '\uffff']).toArray();
}

/**
 * The user's corrections of one account, with the ignore lists of the settings
 * folded in: an ignored domain is an ignored client, and an ignored sender is
 * taken out of its organisation and ignored alone, so the rest of the
 * organisation stays a client.
 */
export function toClientOverrides(rows: readonly StoredClientOverride[], settings: UserSettings): ClientOverrides {
  const clients: Record<string, ClientOverride> = {};
  const splitAddresses = new Set<string>();
  for (const { account: _a, key, split, updatedAt: _u, ...override } of rows) {
    if (split) splitAddresses.add(key);
    if (Object.keys(override).length > 0) clients[key] = override;
  }
  for (const domain of settings.ignoredDomains) clients[domain] = { ...clients[domain], ignore: true };
  for (const sender of settings.ignoredSenders) {
    splitAddresses.add(sender);
    clients[sender] = { ...clients[sender], ignore: true };
  }
  return { clients, splitAddresses: [...splitAddresses].sort() };
}

/**
 * Adds what the CRM taught: an address it lists for a client is taken out of
 * its organisation and merged into that client, a company domain is merged
 * into it, and a deal's amount is its value when the user allows it. Whatever
 * the user set by hand for the same key wins.
 */
export function withCrmLearning(
  overrides: ClientOverrides,
  learned: readonly StoredCrmLearning[],
  settings: UserSettings,
): ClientOverrides {
  const clients = { ...overrides.clients };
  const splitAddresses = new Set(overrides.splitAddresses);
  // A key the user split out, renamed, merged or ignored keeps the user's decision.
  const decided = (key: string) => key in clients || splitAddresses.has(key);
  for (const row of learned) {
    for (const address of row.addresses) {
      if (decided(address)) continue;
      splitAddresses.add(address);
      clients[address] = { mergeInto: row.clientKey };
    }
    if (row.domain && !decided(row.domain)) clients[row.domain] = { mergeInto: row.clientKey };
    if (settings.crmDealValue && row.amount && clients[row.clientKey]?.value === undefined) {
      clients[row.clientKey] = { ...clients[row.clientKey], value: row.amount.value };
    }
  }
  return { clients, splitAddresses: [...splitAddresses].sort() };
}

export function outsideContactOf(learned: readonly StoredCrmLearning[]): Required<OutsideContact> {
  return {
    contactEvents: learned.flatMap((row) => row.activities.map((at) => ({ clientKey: row.clientKey, at }))),
    watchedClients: learned.filter((row) => row.watched).map((row) => row.clientKey),
  };
}

export async function engineContext(db: KeepwarmDb, account: string): Promise<EngineContext> {
  const settings = await readUserSettings(db);
  const learned = await accountLearningOf(db, account);
  return {
    identity: accountIdentity(account, settings.accounts[account]),
    settings: {
      ...settings.businessHours,
      replyTargetBusinessMs: settings.replyTargetHours * HOUR,
      checkInPercent: settings.checkInPercent,
    },
    overrides: withCrmLearning(toClientOverrides(await accountOverridesOf(db, account), settings), learned, settings),
    ...outsideContactOf(learned),
    riskModel: riskModelOf((await db.accounts.get(account))?.riskModel),
  };
}
