// A small synthetic mailbox for the backtest, made up here (no real mail): a
// studio and five clients over 400 days, one of whom leaves, one of whom goes
// quiet for six weeks and comes back, the rest writing steadily. As engine
// records, and as the mbox text an export of it would be.
import type { MailMessage } from '@/lib/engine/types';

export const DAY = 86_400_000;
export const ME = 'olena@studio.example';
export const START = Date.UTC(2025, 0, 6, 9);
export const LEAVES_AT = START + 200 * DAY;

interface Plan {
  address: string;
  everyDays: number;
  /** Days (from START) during which the client writes nothing. */
  silent?: [number, number];
  until?: number;
}

const PLANS: Plan[] = [
  { address: 'anna@steady.example', everyDays: 7 },
  { address: 'bohdan@leaves.example', everyDays: 6, until: 200 },
  { address: 'chris@returns.example', everyDays: 9, silent: [240, 285] },
  { address: 'dana@weekly.example', everyDays: 8 },
  { address: 'emil@often.example', everyDays: 5 },
];

/** Each client writes on its rhythm, and we answer three hours later in the same thread. */
export function backtestMailbox(): MailMessage[] {
  const out: MailMessage[] = [];
  for (const [c, plan] of PLANS.entries()) {
    for (let day = c; day < (plan.until ?? 400); day += plan.everyDays) {
      if (plan.silent && day >= plan.silent[0] && day < plan.silent[1]) continue;
      const at = START + day * DAY + c * 60_000;
      const threadId = `t-${c}-${day}`;
      out.push({
        id: `${threadId}-in@${plan.address.split('@')[1]}`,
        threadId,
        at,
        from: { email: plan.address },
        to: [{ email: ME }],
        cc: [],
        subject: `Week ${day}`,
        snippet: 'Here is what we need this week',
      });
      out.push({
        id: `${threadId}-out@studio.example`,
        threadId,
        at: at + 3 * 3_600_000,
        from: { email: ME },
        to: [{ email: plan.address }],
        cc: [],
        subject: `Re: Week ${day}`,
        snippet: 'Done, thank you',
      });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The mailbox as an mbox export: one entry per message, replies linked by In-Reply-To. */
export function backtestMbox(messages: readonly MailMessage[]): string {
  const firstOf = new Map<string, string>();
  return messages
    .map((m) => {
      const first = firstOf.get(m.threadId);
      if (!first) firstOf.set(m.threadId, m.id);
      return [
        'From MAILER-DAEMON Mon Jan  1 00:00:00 2024',
        `Message-ID: <${m.id}>`,
        ...(first ? [`In-Reply-To: <${first}>`, `References: <${first}>`] : []),
        `Date: ${new Date(m.at).toUTCString()}`,
        `From: ${m.from.email}`,
        `To: ${m.to.map((a) => a.email).join(', ')}`,
        `Subject: ${m.subject}`,
        '',
        m.snippet,
        '',
      ].join('\n');
    })
    .join('\n');
}
