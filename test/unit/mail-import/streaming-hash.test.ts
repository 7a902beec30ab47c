import { describe, expect, it } from 'vitest';
import { hashText, StreamingHash } from '@/lib/mail-import/streaming-hash';

// Copy keys and thread names built from these hashes are stored: the same
// text must hash to the same digest in every version.
describe('the streaming hash', () => {
  it('gives the digests stored records were keyed by', () => {
    expect(hashText('')).toBe('ab3e7c0b89495488');
    expect(hashText('elizabeth.sager@enron.com')).toBe('341b79ba86c2453e');
  });

  it('hashes a string as its UTF-8 bytes, whatever was hashed before it', () => {
    const encoder = new TextEncoder();
    const texts = ['Привіт ✓ 😀', 'x'.repeat(5000), 'lone \ud800 surrogate', 'short'];
    for (const text of texts) {
      const bytes = new StreamingHash();
      bytes.updateText(encoder.encode(text));
      expect(hashText(text)).toBe(bytes.digest());
    }
  });

  it('hashes a body fed in pieces as text: CRLF as LF, trailing blank lines once content follows', () => {
    const encoder = new TextEncoder();
    const pieces = new StreamingHash();
    pieces.updateText(encoder.encode('Dear Rick,\r\n\r\nThe draft is attached.\r\n'));
    pieces.updateText(encoder.encode('\n\nПривіт ✓\n\n\n'));
    expect(pieces.digest()).toBe('a18984493b30a398');
    const whole = new StreamingHash();
    whole.updateText(encoder.encode('Dear Rick,\n\nThe draft is attached.\n\n\nПривіт ✓'));
    expect(whole.digest()).toBe(pieces.digest());
  });
});
