// The daily digest: who waits on the user and who is at risk, in a few lines
// a notification can show. Pure: the background passes the clients, the clock
// and a translator in the user's language.
import { TZDate } from '@date-fns/tz';
import type { StoredClient } from '@/lib/data/stored-rows';
import type { Translator } from '@/lib/i18n/translate';

/** Lines a notification shows before it cuts the text. */
const MAX_LINES = 4;

export interface Digest {
  title: string;
  message: string;
  /** The client a click opens: the one at most risk among those listed. */
  target: { account: string; clientKey: string };
}

const atRisk = (c: StoredClient) => c.report.risk.level === 'high' || c.report.risk.level === 'critical';

/** Nothing when nobody waits and nobody is at risk: a digest that says nothing is noise. */
export function buildDigest(clients: readonly StoredClient[], now: number, translator: Translator): Digest | undefined {
  const { t, duration } = translator;
  const waiting = clients
    .filter((c) => c.waitingOnUsSince !== undefined)
    .sort((a, b) => (a.waitingOnUsSince ?? 0) - (b.waitingOnUsSince ?? 0) || b.riskScore - a.riskScore);
  const risky = clients.filter((c) => atRisk(c) && c.waitingOnUsSince === undefined);
  risky.sort((a, b) => b.riskScore - a.riskScore);
  const riskCount = clients.filter(atRisk).length;
  if (waiting.length === 0 && riskCount === 0) return undefined;
  const lines = [
    ...waiting.map((c) =>
      t('digest.waitingLine', { name: c.report.displayName, duration: duration(now - (c.waitingOnUsSince ?? now)) }),
    ),
    ...risky.map((c) => t('digest.riskLine', { name: c.report.displayName, level: t(`risk.${c.report.risk.level}`) })),
  ];
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > shown.length) shown.push(t('digest.more', { count: lines.length - shown.length }));
  const riskiest = [...waiting, ...risky].sort((a, b) => b.riskScore - a.riskScore)[0];
  if (!riskiest) return undefined;
  return {
    title: t('digest.title', { waiting: waiting.length, atRisk: riskCount }),
    message: shown.join('\n'),
    target: { account: riskiest.account, clientKey: riskiest.key },
  };
}

/** The next time the clock shows `hour`:00 in `timeZone`, strictly after `now`. */
export function nextDigestAt(now: number, hour: number, timeZone: string): number {
  const local = new TZDate(now, timeZone);
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hour, 0, 0, timeZone);
  if (today.getTime() > now) return today.getTime();
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, hour, 0, 0, timeZone).getTime();
}
