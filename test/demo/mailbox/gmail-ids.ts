import type { Random } from './random';

/**
 * A Gmail-like message id: the creation time in ms shifted left by 20 bits
 * plus 20 random bits, as real Gmail's legacy hex ids are (DOM notes §1.6).
 */
export function gmailId(at: number, random: Random): { id: string; hex: string } {
  const value = (BigInt(at) << 20n) | BigInt(random.int(0, 0xfffff));
  return { id: value.toString(10), hex: value.toString(16) };
}

const TOKEN_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz';

/** The opaque conversation token current Gmail shows in the URL (`#inbox/FMfcgz…`). */
export function conversationToken(random: Random): string {
  let token = 'FMfcgz';
  for (let i = 0; i < 26; i++) token += random.pick([...TOKEN_ALPHABET]);
  return token;
}
