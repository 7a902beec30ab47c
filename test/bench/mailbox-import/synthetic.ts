import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

// A synthetic mbox of `count` distinct messages among 200 correspondents, each
// with a few kilobytes of body, in Google Takeout's shape (X-GM-THRID) or an
// archive's (threads found by subject).
export async function writeSyntheticMbox(file: string, count: number, takeout: boolean): Promise<number> {
  const out = createWriteStream(file);
  const paragraph = 'We went through the draft and have a few notes on the timeline and the budget. '.repeat(12);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const client = `person${i % 200}@client${i % 50}.example`;
    const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toUTCString().replace('GMT', '+0000');
    const thread = Math.floor(i / 4);
    const text = [
      `From MAILER-DAEMON ${new Date(Date.UTC(2020, 0, 1)).toUTCString()}`.replace(/,|GMT/g, '').trim(),
      `Message-ID: <m${i}@synthetic.example>`,
      `Date: ${at}`,
      i % 2 === 0 ? `From: Client ${i % 200} <${client}>` : 'From: Me <me@agency.example>',
      i % 2 === 0 ? 'To: me@agency.example' : `To: ${client}`,
      `Subject: ${i % 4 === 0 ? '' : 'Re: '}Project ${thread}`,
      ...(takeout ? [`X-GM-THRID: ${1_700_000_000_000_000_000n + BigInt(thread)}`, 'X-Gmail-Labels: Inbox'] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Message ${i}. ${paragraph}`,
      `${paragraph}\n${paragraph}`,
      '',
      '',
    ].join('\n');
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
