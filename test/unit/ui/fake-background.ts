import { fakeBrowser } from 'wxt/testing/fake-browser';

// The background's side of a page's asks, for the tests of pages that follow
// `background/team-changed`: the fake browser hands a page's message to every
// listener, and this one answers one kind of message and counts the asks.

export const TEAM_CHANGED = { type: 'background/team-changed' };
export const FROM_BACKGROUND = { id: 'keepwarm' };

/** Answers every `type` message with what `answer()` gives at that moment; `asks()` counts them. */
export function fakeBackgroundAnswering(type: string, answer: () => unknown): { asks: () => number } {
  let asks = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string }).type !== type) return undefined;
    asks += 1;
    return Promise.resolve(answer());
  });
  return { asks: () => asks };
}
