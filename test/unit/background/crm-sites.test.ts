import { beforeEach, describe, expect, it } from 'vitest';
import { CRM_SCRIPT_FILE, type CrmSitesApi, createCrmSites } from '@/lib/background/crm-sites';
import { CRM_OPTIONAL_ORIGINS, originPattern } from '@/lib/sites/crm/hosts';

// Switching a CRM on and off: a script registered on exactly the hosts the user
// granted, and both gone again when the user switches it off.

function fakeBrowser() {
  const store: Record<string, unknown> = {};
  const granted = new Set<string>();
  const scripts = new Map<string, { matches: string[]; js: string[] }>();
  const api: CrmSitesApi = {
    storage: {
      get: async (key) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
      set: async (items) => void Object.assign(store, structuredClone(items)),
    },
    permissions: {
      contains: async ({ origins }) => origins.every((o) => granted.has(o)),
      remove: async ({ origins }) => {
        for (const o of origins) granted.delete(o);
        return true;
      },
    },
    scripting: {
      getRegisteredContentScripts: async (filter) =>
        [...scripts.keys()].filter((id) => !filter?.ids || filter.ids.includes(id)).map((id) => ({ id })),
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, { matches: s.matches, js: s.js });
        }
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) scripts.delete(id);
      },
    },
  };
  return { api, granted, scripts };
}

let fake: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  fake = fakeBrowser();
});

describe('CRM switches', () => {
  it('register the CRM script on the hosted CRM’s hosts once the user granted them', async () => {
    const sites = createCrmSites(fake.api);
    for (const o of ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*']) fake.granted.add(o);
    await sites.set('hubspot', true);
    await sites.set('hubspot', true);
    expect([...fake.scripts.values()]).toEqual([
      { matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'], js: [CRM_SCRIPT_FILE] },
    ]);
    expect(await sites.list()).toEqual([
      { crm: 'hubspot', origins: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'] },
    ]);
  });

  it('refuse to switch on without the permission, and change nothing', async () => {
    const sites = createCrmSites(fake.api);
    await expect(sites.set('pipedrive', true)).rejects.toThrow(/no permission for https:\/\/\*\.pipedrive\.com/);
    expect(fake.scripts.size).toBe(0);
    expect(await sites.list()).toEqual([]);
  });

  it('add a self-hosted CRM by its address, and remove script and permission when switched off', async () => {
    const sites = createCrmSites(fake.api);
    fake.granted.add('https://erp.example.fr/*');
    await sites.set('dolibarr', true, 'https://erp.example.fr:8443/dolibarr/htdocs/index.php');
    expect([...fake.scripts.values()][0]?.matches).toEqual(['https://erp.example.fr/*']);
    await sites.set('dolibarr', false, 'https://erp.example.fr/');
    expect(fake.scripts.size).toBe(0);
    expect(fake.granted.has('https://erp.example.fr/*')).toBe(false);
    expect(await sites.list()).toEqual([]);
  });

  it('keep a host another switched-on CRM still needs', async () => {
    const sites = createCrmSites(fake.api);
    fake.granted.add('https://crm.example.com/*');
    await sites.set('twenty', true, 'https://crm.example.com/');
    await sites.set('odoo', true, 'https://crm.example.com/odoo');
    await sites.set('twenty', false, 'https://crm.example.com/');
    expect(fake.granted.has('https://crm.example.com/*')).toBe(true);
    expect(await sites.list()).toEqual([{ crm: 'odoo', origins: ['https://crm.example.com/*'] }]);
  });

  it('need an address for a self-hosted CRM', async () => {
    await expect(createCrmSites(fake.api).set('espocrm', true)).rejects.toThrow(/needs the address/);
    await expect(createCrmSites(fake.api).set('espocrm', true, 'ftp://x.example')).rejects.toThrow(/needs the address/);
  });

  it('at start, drop a CRM whose permission the user revoked elsewhere and restore the others', async () => {
    const sites = createCrmSites(fake.api);
    fake.granted.add('https://crm.zoho.eu/*');
    for (const o of CRM_OPTIONAL_ORIGINS.filter((o) => o.startsWith('https://crm.zoho.'))) fake.granted.add(o);
    fake.granted.add('https://crm.example.com/*');
    await sites.set('zoho', true);
    await sites.set('twenty', true, 'https://crm.example.com');
    fake.scripts.clear();
    fake.granted.delete('https://crm.example.com/*');
    await sites.sync();
    expect((await sites.list()).map((s) => s.crm)).toEqual(['zoho']);
    expect(fake.scripts.size).toBe(1);
  });
});

describe('optional hosts', () => {
  it('cover every hosted CRM and any self-hosted origin, never Gmail', () => {
    expect(CRM_OPTIONAL_ORIGINS).toContain('https://*.lightning.force.com/*');
    expect(CRM_OPTIONAL_ORIGINS).toContain('https://app-eu1.hubspot.com/*');
    expect(CRM_OPTIONAL_ORIGINS).toContain('http://*/*');
    expect(CRM_OPTIONAL_ORIGINS).not.toContain('https://mail.google.com/*');
  });

  it.each([
    ['https://crm.example.com/app#Contact/view/1', 'https://crm.example.com/*'],
    ['http://192.168.1.20:8080/dolibarr/', 'http://192.168.1.20/*'],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
  ])('%s → %s', (address, pattern) => {
    expect(originPattern(address)).toBe(pattern);
  });
});
