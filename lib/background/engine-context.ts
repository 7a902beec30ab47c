import { HOUR } from '@/lib/engine/business-hours';
import type { ClientOverride, ClientOverrides } from '@/lib/engine/overrides';
import type { EngineSettings } from '@/lib/engine/settings';
import type { AccountIdentity } from '@/lib/engine/types';
import type { UserSettings } from '@/lib/settings/user-settings';
import type { KeepwarmDb, StoredClientOverride } from '@/lib/store/db';
import { accountIdentity } from './identity';
import { readUserSettings } from './settings-store';

/** What the engine needs to know of the user for one account, read from storage. */
export interface EngineContext {
  identity: AccountIdentity;
  settings: EngineSettings;
  overrides: ClientOverrides;
}

export function accountOverridesOf(db: KeepwarmDb, account: string): Promise<StoredClientOverride[]> {
  return db.clientOverrides.where('[account+key]').between([account, ''], [account, '\uffff']).toArray();
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

export async function engineContext(db: KeepwarmDb, account: string): Promise<EngineContext> {
  const settings = await readUserSettings(db);
  return {
    identity: accountIdentity(account, settings.accounts[account]),
    settings: { ...settings.businessHours, replyTargetBusinessMs: settings.replyTargetHours * HOUR },
    overrides: toClientOverrides(await accountOverridesOf(db, account), settings),
  };
}
