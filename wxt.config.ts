import { defineConfig } from 'wxt';
import { CRM_OPTIONAL_ORIGINS } from './lib/sites/crm/hosts';

// Gmail is the only host the extension needs to work. CRM hosts are asked for
// one by one when the user switches a CRM on (optional_host_permissions).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Keepwarm',
    description:
      'See which clients are quietly slipping away: reply times, silence and risk, right in Gmail. Nothing leaves your browser.',
    // `scripting` registers a CRM's content script once the user grants its host;
    // `activeTab` lets the toolbar button read the page the user is on, and no other.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['https://mail.google.com/*'],
    optional_host_permissions: CRM_OPTIONAL_ORIGINS,
    // The daily digest is off by default; the notifications permission is asked
    // for only when the user switches it on, so nobody who never wants it grants it.
    optional_permissions: ['notifications'],
    action: { default_title: 'Keepwarm' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'keepwarm@keepwarm.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { name: 'keepwarm' },
});
