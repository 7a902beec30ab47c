import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IncompleteDataNotice } from '@/components/incomplete-data-notice';
import { createTranslator } from '@/lib/i18n/translate';
import type { StoredAccount } from '@/lib/store/db';
import { incompleteAccounts } from '@/lib/ui/incomplete-accounts';
import { TranslatorContext } from '@/lib/ui/use-translator';

const health = (healthy: boolean) => ({ seen: 10, parsed: healthy ? 10 : 3, failures: {}, missing: [], healthy });
const account = (address: string, fields: Partial<StoredAccount> = {}): StoredAccount => ({
  address,
  accountPath: 'u/0',
  firstSeenAt: 1,
  lastSeenAt: 2,
  ...fields,
});

describe('data that may be incomplete', () => {
  it('names the accounts whose last list or conversation read badly, and no other', () => {
    expect(
      incompleteAccounts([
        account('fine@studio.example', { listHealth: health(true), conversationHealth: health(true) }),
        account('list@studio.example', { listHealth: health(false) }),
        account('conversation@studio.example', { listHealth: health(true), conversationHealth: health(false) }),
        account('new@studio.example'),
      ]),
    ).toEqual(['list@studio.example', 'conversation@studio.example']);
  });

  it.each(['en', 'uk', 'ru'] as const)(
    'says so in %s, one line per account, and nothing when all is well',
    (language) => {
      const render = (accounts: string[]) =>
        renderToStaticMarkup(
          <TranslatorContext.Provider value={createTranslator(language)}>
            <IncompleteDataNotice accounts={accounts} />
          </TranslatorContext.Provider>,
        );
      expect(render([])).toBe('');
      const html = render(['list@studio.example', '<b>x</b>@evil.example']);
      expect(html).toContain('role="status"');
      expect(html.match(/<p>/g)).toHaveLength(2);
      expect(html).toContain('list@studio.example');
      expect(html).not.toContain('<b>');
      expect(html).not.toContain('{account}');
    },
  );
});
