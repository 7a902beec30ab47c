import type { TeamChangedNotice } from './team-view-messages';

/**
 * A colleague's first sync, or a reconnect, applies thousands of replicated
 * updates in a row: the open pages hear of them at most once this often, not
 * once each, and each time ask for the merged scope again.
 */
const NOTICE_EVERY_MS = 250;

export type SendNotice = (notice: TeamChangedNotice) => Promise<unknown>;

/** Tells the open pages that the team scope changed, every change within a short while in one notice. */
export function createTeamNotices(send: SendNotice, everyMs = NOTICE_EVERY_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    changed(): void {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        // With no Keepwarm page open the browser refuses the message: nobody was there to ask again.
        send({ type: 'background/team-changed' }).catch(() => undefined);
      }, everyMs);
    },
  };
}
