import type { RawThread } from './assemble';
import type { GmailCategory } from './records';

// Gmail's category of a thread, from its own system labels: `^smartlabel_<tab>`
// is Gmail's classification of each message (what Keepwarm needs to set bulk
// mail aside); `^sq_ig_i_<tab>` names the tab that shows it, which is Primary
// for every category whose tab the user switched off, so it only fills in
// where no classification is given. Other smart labels (`_receipt`, `_travel`,
// `_finance`, `_newsletter`, `_pure`) are not categories of the inbox.

const TABS: Record<string, GmailCategory> = {
  personal: 'primary',
  promo: 'promotions',
  social: 'social',
  notification: 'updates',
  group: 'forums',
};

function tabOf(labels: unknown[]): GmailCategory | undefined {
  let shown: GmailCategory | undefined;
  for (const label of labels) {
    if (typeof label !== 'string') continue;
    const match = /^\^(smartlabel|sq_ig_i)_([a-z]+)$/.exec(label);
    const tab = match?.[2] && Object.hasOwn(TABS, match[2]) ? TABS[match[2]] : undefined;
    if (tab && match?.[1] === 'smartlabel') return tab;
    shown ??= tab;
  }
  return shown;
}

/** The thread's own labels decide; otherwise the newest message that names a tab. */
export function categoryOf(raw: RawThread): GmailCategory | undefined {
  const own = tabOf(raw.labels);
  if (own) return own;
  const newestFirst = raw.messages
    .filter((message) => message.at !== undefined)
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
  for (const message of newestFirst) {
    const tab = tabOf(message.labels);
    if (tab) return tab;
  }
  return undefined;
}
