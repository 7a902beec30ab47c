import { CRM_ADAPTERS } from '@/lib/sites/crm/adapters';
import { originsFor } from '@/lib/sites/crm/hosts';
import type { CrmId } from '@/lib/sites/crm/types';

// The CRMs the user switched on. Each is a host permission the user granted
// (asked for by the options page, which alone may show the prompt) and a
// content script registered on exactly those hosts. Switching off removes
// both; a permission the user revoked elsewhere switches its CRM off.

export const CRM_SCRIPT_FILE = 'content-scripts/crm.js';
const STORAGE_KEY = 'crmSites';

export interface CrmSite {
  crm: CrmId;
  /** Match patterns the script runs on. */
  origins: string[];
}

/** The browser APIs this needs, so tests can stand in for them. */
export interface CrmSitesApi {
  storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(
      scripts: {
        id: string;
        matches: string[];
        js: string[];
        runAt: 'document_idle';
        persistAcrossSessions: boolean;
      }[],
    ): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

export function scriptId(site: CrmSite): string {
  return `keepwarm-crm-${site.crm}-${(site.origins[0] ?? '').replace(/[^\w.-]+/g, '_')}`;
}

export function createCrmSites(api: CrmSitesApi) {
  const read = async (): Promise<CrmSite[]> => {
    const stored = (await api.storage.get(STORAGE_KEY))[STORAGE_KEY];
    return Array.isArray(stored) ? (stored as CrmSite[]) : [];
  };
  const write = (sites: CrmSite[]) => api.storage.set({ [STORAGE_KEY]: sites });

  const register = async (site: CrmSite) => {
    const id = scriptId(site);
    const existing = await api.scripting.getRegisteredContentScripts({ ids: [id] });
    if (existing.length > 0) return;
    await api.scripting.registerContentScripts([
      { id, matches: site.origins, js: [CRM_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  };
  const unregister = async (site: CrmSite) => {
    const id = scriptId(site);
    if ((await api.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0) {
      await api.scripting.unregisterContentScripts({ ids: [id] });
    }
  };

  return {
    list: read,

    async set(crm: CrmId, enabled: boolean, address?: string): Promise<void> {
      const origins = originsFor(crm, address);
      if (!origins) throw new Error(`${CRM_ADAPTERS[crm].label} needs the address it runs at`);
      const site = { crm, origins };
      const others = (await read()).filter((s) => scriptId(s) !== scriptId(site));
      if (enabled) {
        if (!(await api.permissions.contains({ origins }))) {
          throw new Error(`no permission for ${origins.join(', ')}: the user has not granted it`);
        }
        await register(site);
        await write([...others, site]);
      } else {
        await unregister(site);
        await write(others);
        // Another switched-on CRM may share the host (two self-hosted CRMs on one server).
        const stillNeeded = new Set(others.flatMap((s) => s.origins));
        const unused = origins.filter((o) => !stillNeeded.has(o));
        if (unused.length > 0) await api.permissions.remove({ origins: unused });
      }
    },

    /** At start: scripts for every CRM still permitted, none for one whose permission is gone. */
    async sync(): Promise<void> {
      const kept: CrmSite[] = [];
      for (const site of await read()) {
        if (await api.permissions.contains({ origins: site.origins })) {
          await register(site);
          kept.push(site);
        } else await unregister(site);
      }
      await write(kept);
    },
  };
}
