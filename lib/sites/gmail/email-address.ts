// What counts as an e-mail address, shared by the extractors and the
// background's schema so the two can never disagree. Dot-atom local parts and
// host names, Unicode allowed (Gmail delivers internationalised addresses);
// quoted local parts and IP literals are refused: a participant dropped is
// better than a record the background rejects.

const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const TOP_LEVEL = '(?:\\p{L}{2,63}|xn--[a-z0-9-]{1,59})';

export const EMAIL_ADDRESS = new RegExp(
  `^(?=.{3,254}$)(?=[^@]{1,64}@)${ATEXT}(?:\\.${ATEXT})*@(?:${LABEL}\\.)+${TOP_LEVEL}$`,
  'u',
);

export function isEmailAddress(text: string): boolean {
  return EMAIL_ADDRESS.test(text);
}
