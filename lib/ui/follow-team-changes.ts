import { type Browser, browser } from 'wxt/browser';
import { teamChangedNoticeSchema } from '@/lib/features/team/team-view-messages';

/**
 * Runs `ask` now and again each time the background says the team scope
 * changed, until the returned function is called. Never two asks at once: a
 * notice that arrives during one asks once more after it, so a slow answer is
 * not overtaken by an older one. `ask` handles its own failures. Only the
 * background's notice counts: a message from a tab, or of another shape, is
 * ignored.
 */
export function followTeamChanges(ask: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  let live = true;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await ask();
      } while (again && live);
    } finally {
      running = false;
    }
  };
  const onNotice = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    if (live && sender.tab === undefined && teamChangedNoticeSchema.safeParse(raw).success) void run();
  };
  browser.runtime.onMessage.addListener(onNotice);
  void run();
  return () => {
    live = false;
    browser.runtime.onMessage.removeListener(onNotice);
  };
}
