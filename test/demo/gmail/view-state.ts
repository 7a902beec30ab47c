import type { DemoAccount, DemoThread } from '../mailbox/types';

export const PAGE_SIZE = 50;

/** What Gmail's URL hash asks for: a list view (with its page) or one conversation. */
export type Route =
  | { kind: 'list'; view: string; param?: string; page: number }
  | { kind: 'conversation'; view: string; param?: string; token: string };

/** Splits a hash the way Gmail's router does (DOM notes §1.2). */
export function parseHash(hash: string): Route {
  const parts = hash
    .replace(/^#/, '')
    .split('/')
    .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
  const view = parts[0] || 'inbox';
  const takesParam = view === 'label' || view === 'search' || view === 'category';
  const param = takesParam ? parts[1] : undefined;
  const rest = parts.slice(takesParam ? 2 : 1);
  const last = rest.at(-1);
  if (last && /^p\d+$/.test(last)) return { kind: 'list', view, param, page: Number(last.slice(1)) };
  if (last) return { kind: 'conversation', view, param, token: last };
  return { kind: 'list', view, param, page: 1 };
}

export function lastActivity(thread: DemoThread): number {
  return thread.messages.at(-1)?.at ?? 0;
}

/**
 * The time a list row shows and sorts by. Gmail dates a row by the newest
 * message the view holds: the user's own replies are not in the inbox or its
 * tabs, so there a thread the user answered last shows (and sorts by) the
 * counterpart's last message, while the row's last-message id still names the
 * reply (as on the real 2025 inbox, SOURCES.md §dom-2025). The sent view dates
 * by the newest sent message; the other views by the newest of all.
 */
export function shownActivity(thread: DemoThread, view: string): number {
  const held =
    view === 'sent'
      ? thread.messages.filter((m) => m.direction === 'out')
      : view === 'inbox' || view === 'category'
        ? thread.messages.filter((m) => m.direction !== 'out')
        : thread.messages;
  return held.at(-1)?.at ?? lastActivity(thread);
}

/** The threads a list view shows, newest activity first. */
export function threadsInView(account: DemoAccount, view: string, param: string | undefined): DemoThread[] {
  const matches = (thread: DemoThread): boolean => {
    switch (view) {
      case 'inbox':
        return thread.labels.includes('INBOX') && (!thread.category || thread.category === 'updates');
      case 'sent':
        return thread.labels.includes('SENT');
      case 'all':
        return true;
      case 'label':
        return param !== undefined && thread.labels.includes(param);
      case 'category':
        return thread.category === param;
      case 'search': {
        const query = (param ?? '').toLowerCase();
        return (
          thread.subject.toLowerCase().includes(query) ||
          thread.messages.some((m) => m.from.email.includes(query) || m.from.name.toLowerCase().includes(query))
        );
      }
      default:
        return false;
    }
  };
  return account.threads.filter(matches).sort((a, b) => shownActivity(b, view) - shownActivity(a, view));
}
