import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import { type CliCommand, UsageError } from '../command';
import { siteExtractors } from '../sites/registry';

const HELP = `keepwarm extract <site> <saved.html> --url <page url> [options]

Runs Keepwarm's extractor for <site> on a saved page and prints what it read,
with its health report, as JSON. Sites: ${Object.keys(siteExtractors).join(', ')}.
A CRM page prints the record its address names ("record": null when the page
shows none); "generic" reads the addresses of any page.

Options:
  --url <url>            the address the page was saved from (required: it names the record)
  --me <address>         Gmail: the account's own address; repeat for aliases
  --time-zone <IANA>     the time zone the page's dates are written in (default: this machine's)
  --now <ISO date>       "now" for plausibility checks (default: the current time)`;

function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        me: { type: 'string', multiple: true },
        'time-zone': { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}

export const command: CliCommand = {
  async run(args) {
    const { values, positionals } = parseCommandLine(args);
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [site, file, ...extra] = positionals;
    if (!site || !file || extra.length > 0) throw new UsageError(`expected a site and one saved page\n\n${HELP}`);
    const extractor = siteExtractors[site];
    if (!extractor) throw new UsageError(`unknown site "${site}"; known: ${Object.keys(siteExtractors).join(', ')}`);
    if (!values.url)
      throw new UsageError(`--url is required: the extractor reads the account, view or record from it\n\n${HELP}`);
    let url: URL;
    try {
      url = new URL(values.url);
    } catch {
      throw new UsageError(`--url "${values.url}" is not a URL`);
    }
    const now = values.now ? Date.parse(values.now) : Date.now();
    if (Number.isNaN(now)) throw new UsageError(`--now "${values.now}" is not a date`);
    const timeZone = values['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new UsageError(`--time-zone "${timeZone}" is not an IANA time zone`);
    }
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const window = new Window({ url: url.href });
    const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const result = extractor({ document, url, me: (values.me ?? []).map((a) => a.toLowerCase()), timeZone, now });
    console.log(JSON.stringify(result, null, 2));
    await window.happyDOM.close();
    return 0;
  },
};
