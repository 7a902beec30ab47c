import { z } from 'zod';

/** A click on a badge: show this client in the side panel of the tab it came from. */
const contentOpenClientPanelSchema = z.strictObject({
  type: z.literal('content/open-client-panel'),
  account: z.email().max(320),
  clientKey: z.string().min(1).max(400),
});

/** A click on the badge of a record of no known client: open the side panel, which offers to watch it. */
const contentOpenSidePanelSchema = z.strictObject({ type: z.literal('content/open-side-panel') });

/** A badge's click, in Gmail or a CRM: the side panel opens on its client. */
export const sidePanelMessages = [contentOpenClientPanelSchema, contentOpenSidePanelSchema] as const;

export const sidePanelReplies = {
  'content/open-client-panel': z.object({ opened: z.boolean() }),
  'content/open-side-panel': z.object({ opened: z.boolean() }),
};
