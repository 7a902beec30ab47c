import { parseArgs } from 'node:util';
import { backtestAccount } from '@/lib/engine/risk-model/account-backtest';
import { isTimeZone } from '@/lib/engine/settings';
import { backtestText } from '@/lib/i18n/backtest-text';
import { createTranslator } from '@/lib/i18n/translate';
import { type CliCommand, UsageError } from '../command';
import { identityFor, readMailboxMessages } from './report';

const HELP = `keepwarm backtest <mbox file or folder> --me <address> [options]

How Keepwarm would have done on your own past mail: replays the mailbox week
by week with the shipped model, as the extension's badges would have shown it,
and says how many of the clients who went quiet (nothing from them for 60 days)
it would have flagged (level "high" or "critical", a chance of 50% or more),
how many days before they were gone (median), and how many false alarms a
month (a client newly flagged who wrote within 60 days). The options page's
backtest gives the same figures on the same mail.

Options:
  --me <address>          your address; repeat for aliases (required)
  --internal <domain>     colleagues' domain; repeatable. Default: your own
                          domain unless it is free mail. "none": nobody is internal
  --time-zone <zone>      the working day's IANA time zone (default UTC), as in the options
  --json                  the figures as JSON`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        me: { type: 'string', multiple: true },
        internal: { type: 'string', multiple: true },
        'time-zone': { type: 'string', default: 'UTC' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}

export const command: CliCommand = {
  async run(args) {
    const { values, positionals } = parse(args);
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (!target || extra.length > 0) throw new UsageError(`expected one mbox file or folder\n\n${HELP}`);
    if (!values.me?.length) throw new UsageError(`--me is required: Keepwarm must know which side is yours\n\n${HELP}`);
    const timeZone = values['time-zone'];
    if (!isTimeZone(timeZone)) throw new UsageError(`--time-zone "${timeZone}" is not an IANA time zone`);
    const { messages } = await readMailboxMessages(target);
    if (messages.length === 0) throw new Error(`${target} holds no message with a date to replay`);
    const backtest = backtestAccount({
      messages,
      identity: identityFor(values.me, values.internal),
      settings: { timeZone },
    });
    if (values.json) {
      console.log(JSON.stringify(backtest, null, 2));
      return 0;
    }
    const text = backtestText(createTranslator('en'), backtest);
    console.log([text.summary, '', ...text.definitions].join('\n'));
    return 0;
  },
};
