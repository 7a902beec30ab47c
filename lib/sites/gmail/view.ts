// Which Gmail view a URL shows. The view lives in the hash: the first segment
// is its name, the rest are parameters decoded with "+" as a space, a `p<n>`
// segment is the list page, and a further segment is an open conversation's
// token (DOM notes §1.2). The token is opaque: thread ids come from the DOM.

export interface GmailView {
  /** `inbox`, `sent`, `label`, `category`, `search`, `chat`…; `inbox` for an empty hash. */
  name: string;
  /** A label's name, a category, a search query; the chat path for chat views. */
  params: string[];
  /** The list page, 1 unless the hash has a `p<n>` segment. */
  page: number;
  /** Set when the hash opens a conversation. */
  conversationToken?: string;
}

// Views whose first segment after the name is a parameter, not a conversation.
const ONE_PARAMETER = new Set(['label', 'category', 'search', 'advanced-search', 'settings', 'create-filter']);
// Chat views are paths of their own (`#chat/dm/<id>`); nothing in them is a mail conversation.
const WHOLE_PATH = new Set(['chat', 'rooms', 'calls']);
const PAGE = /^p(\d{1,6})$/;

function decode(segment: string): string {
  const spaced = segment.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function readGmailView(url: URL): GmailView {
  const [first = '', ...rest] = url.hash.replace(/^#/, '').split('/');
  const name = decode(first) || 'inbox';
  if (WHOLE_PATH.has(name)) return { name, params: rest.map(decode), page: 1 };
  const take = ONE_PARAMETER.has(name) ? 1 : 0;
  const view: GmailView = { name, params: rest.slice(0, take).map(decode), page: 1 };
  for (const segment of rest.slice(take)) {
    const page = PAGE.exec(segment)?.[1];
    if (page) view.page = Number(page);
    else if (segment) view.conversationToken = segment;
  }
  return view;
}
