import { openClientPanel, openTabPanel, panelPlace } from '@/lib/background/client-panel';
import type { BackgroundFeature } from '@/lib/background/services';
import type { HandlersOf } from '@/lib/messaging/handlers';
import type { sidePanelMessages, sidePanelReplies } from './messages';

type SidePanelHandlers = HandlersOf<typeof sidePanelMessages, typeof sidePanelReplies>;

export function sidePanelFeature(): BackgroundFeature<SidePanelHandlers> {
  return {
    handlers: {
      // No await before openClientPanel: it must call sidePanel.open within the click's user gesture.
      'content/open-client-panel': async ({ account, clientKey }, sender) => ({
        opened:
          (await openClientPanel(
            { account, clientKey, requestedAt: Date.now(), tabId: sender.tab?.id },
            panelPlace(sender.tab),
          )) !== undefined,
      }),
      'content/open-side-panel': async (_message, sender) => ({
        opened: (await openTabPanel(panelPlace(sender.tab))) !== undefined,
      }),
    },
  };
}
