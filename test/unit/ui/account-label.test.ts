import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/lib/i18n/translate';
import { accountLabel } from '@/lib/ui/account-label';

const AT = Date.UTC(2026, 10, 20, 12);

describe('accountLabel', () => {
  const en = createTranslator('en');

  it('names a Gmail account by its address and place', () => {
    expect(accountLabel({ accountPath: 'u/1', address: 'a@x.example', lastSeenAt: AT, lastView: '' }, en)).toBe(
      'a@x.example (u/1)',
    );
  });

  it('says when and how much was imported, for an account Gmail has not shown yet too', () => {
    const imported = { at: AT, messages: 3255 };
    const account = { address: 'a@x.example', lastSeenAt: AT, lastView: '', imported };
    expect(accountLabel(account, en)).toBe(`a@x.example (imported ${en.date(AT)}, 3,255 messages)`);
    expect(accountLabel({ ...account, accountPath: 'u/0' }, en)).toBe(
      `a@x.example (u/0; imported ${en.date(AT)}, 3,255 messages)`,
    );
    const uk = createTranslator('uk');
    expect(accountLabel(account, uk)).toContain(`імпортовано ${uk.date(AT)}, листів: 3`);
  });
});
