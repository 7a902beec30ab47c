import { type GmailId, timeFromId } from './gmail-ids';
import type { ExtractContext, TimeSource } from './records';

export interface ResolvedTime {
  at?: number;
  source?: TimeSource;
  /** Gmail's own title, kept so the time can still be parsed later. */
  dateTitle?: string;
  /** True when nothing gave a time and nobody can parse one later either. */
  failed: boolean;
}

/**
 * The time of a row or message: from its time-coded id when it has one, else
 * from the localized title when this context can parse it. Without a parser
 * (the content script) the title travels on and the background parses it.
 */
export function resolveTime(
  id: GmailId | undefined,
  title: string | null | undefined,
  ctx: ExtractContext,
): ResolvedTime {
  const dateTitle = title?.trim().slice(0, 120) || undefined;
  const fromId = timeFromId(id, ctx.now);
  if (fromId !== undefined) return { at: fromId, source: 'id', dateTitle, failed: false };
  const fromTitle = dateTitle && ctx.parseTitleTime ? ctx.parseTitleTime(dateTitle) : undefined;
  if (fromTitle !== undefined) return { at: fromTitle, source: 'title', dateTitle, failed: false };
  return { dateTitle, failed: ctx.parseTitleTime !== undefined || dateTitle === undefined };
}
