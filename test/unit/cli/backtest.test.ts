import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '@/lib/cli/main';
import { backtestMailbox, backtestMbox, ME } from '../features/backtest-mailbox';
import { captureConsole } from './capture';

const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-backtest-'));
const mailbox = path.join(dir, 'studio.mbox');
writeFileSync(mailbox, backtestMbox(backtestMailbox()));
const empty = path.join(dir, 'empty.mbox');
writeFileSync(empty, '');

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keepwarm backtest', () => {
  it('says the figures in the words of the options page, and gives them as JSON', async () => {
    const text = captureConsole();
    expect(await main(['backtest', mailbox, '--me', ME])).toBe(0);
    expect(text.out.join('\n')).toMatch(
      /^Clients who went quiet in your past: 1\. Keepwarm would have flagged 1 of them, a median of \d+ days before they were gone\. False alarms: 0\.1 a month\.\n\nFlagged: the level “High” or “Critical”, a chance of going quiet of 50% or more/,
    );
    vi.restoreAllMocks();
    const json = captureConsole();
    expect(await main(['backtest', mailbox, '--me', ME, '--json'])).toBe(0);
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({
      wentQuiet: 1,
      flaggedInTime: 1,
      falseAlarms: 1,
      quiet: [{ client: 'leaves.example' }],
      alarms: [{ client: 'returns.example' }],
    });
  });

  it('refuses a missing mailbox, a call without --me, an empty mailbox and an unknown time zone, with the reason', async () => {
    const cases: [string[], number, string][] = [
      [['backtest', '--me', ME], 2, 'expected one mbox file or folder'],
      [['backtest', path.join(dir, 'nowhere.mbox'), '--me', ME], 1, 'no such file or folder'],
      [['backtest', mailbox], 2, '--me is required'],
      [['backtest', empty, '--me', ME], 1, 'the file is empty'],
      [['backtest', mailbox, '--me', ME, '--time-zone', 'Mars/Olympus'], 2, 'not an IANA time zone'],
    ];
    for (const [args, code, reason] of cases) {
      const { out, err } = captureConsole();
      expect(await main(args), args.join(' ')).toBe(code);
      expect(err.join('\n')).toContain(reason);
      expect(out).toEqual([]);
      vi.restoreAllMocks();
    }
  });

  it('says plainly when the mailbox holds too little history', async () => {
    const short = path.join(dir, 'short.mbox');
    writeFileSync(short, backtestMbox(backtestMailbox().slice(0, 40)));
    const { out } = captureConsole();
    expect(await main(['backtest', short, '--me', ME])).toBe(0);
    expect(out.join('\n').split('\n')[0]).toBe(
      'Too little history to backtest: it needs about five months of mail (three before the first week replayed, two after the last). Import more of your past mail.',
    );
  });
});
