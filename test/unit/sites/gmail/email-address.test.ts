import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '@/lib/sites/gmail/email-address';
import { readParticipants } from '@/lib/sites/gmail/participants';
import { participantSchema } from '@/lib/sites/gmail/schemas';
import { parseHtml } from './fixtures';

function spans(emails: string[]): Element[] {
  const doc = parseHtml('<div></div>');
  return emails.map((email) => {
    const span = doc.createElement('span');
    span.setAttribute('email', email);
    span.setAttribute('name', `<b>${email}</b>`);
    return span;
  });
}

describe('e-mail addresses', () => {
  it.each([
    "o'brien+billing@north-wind.co.uk",
    'a/b=c@x.io',
    'пётр@почта.рф',
    'x@münchen.de',
    'olena@xn--80ak6aa92e.com',
    'first.last@sub.example.travel',
  ])('accepts %s', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each([
    '',
    'not an email',
    'a..b@x.com',
    '.a@x.com',
    'a@-x.com',
    'a@x..com',
    '"quoted"@example.com',
    'user@[127.0.0.1]',
    'a@b.c',
    'a@b.1',
    `${'a'.repeat(65)}@x.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('refuses %j', (email) => {
    expect(isEmailAddress(email)).toBe(false);
  });

  it('never lets the extractors emit a participant the background schema refuses', () => {
    const atext = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
    const emailLike = fc
      .tuple(atext, fc.constantFrom('@', '@@', ''), atext, fc.constantFrom('.', '..', '.-', ''), atext)
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(emailLike, fc.string({ unit: 'binary' })), { maxLength: 8 }), (emails) => {
        for (const participant of readParticipants(spans(emails), [])) {
          expect(participantSchema.safeParse(participant).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
