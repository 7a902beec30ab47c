// The backtest's message: the options page asks the background to replay one
// account's stored mail (account-backtest.ts) and gets its figures back.
import { z } from 'zod';

export const uiRunBacktestSchema = z.strictObject({
  type: z.literal('ui/run-backtest'),
  account: z.email().max(320),
});

const riskLevel = z.enum(['low', 'watch', 'high', 'critical']);

/** The figures of Backtest (lib/engine/risk-model/account-backtest.ts). */
export const backtestReplySchema = z.object({
  model: z.object({ commit: z.string(), horizonDays: z.number() }),
  flagged: z.object({ levels: z.array(riskLevel), fromPercent: z.number() }),
  stepDays: z.number(),
  cuts: z.number().int().nonnegative(),
  firstCut: z.number().optional(),
  lastCut: z.number().optional(),
  months: z.number().nonnegative(),
  wentQuiet: z.number().int().nonnegative(),
  flaggedInTime: z.number().int().nonnegative(),
  medianLeadDays: z.number().optional(),
  falseAlarms: z.number().int().nonnegative(),
  falseAlarmsPerMonth: z.number().optional(),
  quiet: z.array(z.object({ client: z.string(), lastMessageAt: z.number(), flaggedAt: z.number().optional() })),
  alarms: z.array(z.object({ client: z.string(), at: z.number() })),
  note: z.enum(['too-little-history', 'no-clients', 'no-one-went-quiet', 'no-one-stayed']).optional(),
});

export const backtestMessages = [uiRunBacktestSchema] as const;

export const backtestReplies = { 'ui/run-backtest': backtestReplySchema };
