import { defineConfig } from 'wxt';
import { noRawHtml } from './build/no-raw-html';
import { CRM_OPTIONAL_ORIGINS } from './lib/sites/crm/hosts';

// The toolbar and the sidebar show the 16-pixel drawing; the rest scale the full mark (design/).
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Gmail is the only host the extension needs to work. CRM hosts are asked for
// one by one when the user switches a CRM on (optional_host_permissions).
// Every text the browser or a store shows comes from public/_locales in the
// browser's language; the pages keep their own catalogs, where the user's choice wins.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Every module says what it uses: no name reaches a file it does not import.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    // `scripting` registers a CRM's content script once the user grants its host;
    // `activeTab` lets the toolbar button read the page the user is on, and no other.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['https://mail.google.com/*'],
    optional_host_permissions: CRM_OPTIONAL_ORIGINS,
    // The daily digest is off by default; the notifications permission is asked
    // for only when the user switches it on, so nobody who never wants it grants it.
    optional_permissions: ['notifications'],
    action: { default_icon: ICONS },
    ...(browser === 'firefox'
      ? {
          // Firefox's default policy for extension pages ("script-src 'self'; upgrade-insecure-requests")
          // turns every ws:// into wss://, so a team server on the member's own computer, which speaks
          // plain ws:// (lib/features/team/connection-settings.ts), could never be reached. The same
          // policy without the upgrade: scripts from the extension alone. Keepwarm loads nothing else.
          content_security_policy: { extension_pages: "script-src 'self'" },
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
  hooks: {
    // WXT takes the toolbar button's and Firefox's sidebar's titles from the
    // popup's and side panel's <title>, which are the pages' own; the manifest's
    // localized titles (and the sidebar's icon) are set here instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
      if (manifest.sidebar_action) {
        manifest.sidebar_action.default_title = '__MSG_sidebarTitle__';
        manifest.sidebar_action.default_icon = ICONS;
        // Not on whatever page is open at install, where it has nothing to show: it opens on a client.
        manifest.sidebar_action.open_at_install = false;
      }
    },
  },
  vite: () => ({ plugins: [noRawHtml()] }),
  zip: { name: 'keepwarm' },
});
