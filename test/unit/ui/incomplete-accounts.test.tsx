import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IncompleteDataNotice } from '@/components/incomplete-data-notice';
import type { StoredAccount } from '@/lib/data/stored-rows';
import { createTranslator } from '@/lib/i18n/translate';
import { type IncompleteAccount, incompleteAccounts } from '@/lib/ui/incomplete-accounts';
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
  it('names the accounts whose last list or conversation read badly, with the view, and no other', () => {
    expect(
      incompleteAccounts([
        account('fine@studio.example', { listHealth: health(true), conversationHealth: health(true) }),
        account('list@studio.example', { listHealth: health(false) }),
        account('conversation@studio.example', { listHealth: health(true), conversationHealth: health(false) }),
        account('both@studio.example', { listHealth: health(false), conversationHealth: health(false) }),
        account('new@studio.example'),
      ]),
    ).toEqual([
      { address: 'list@studio.example', views: ['list'] },
      { address: 'conversation@studio.example', views: ['conversation'] },
      { address: 'both@studio.example', views: ['list', 'conversation'] },
    ]);
  });

  it('says which view could not be read: a list is not reported as a conversation, nor the other way round', () => {
    const render = (accounts: IncompleteAccount[]) =>
      renderToStaticMarkup(
        <TranslatorContext.Provider value={createTranslator('en')}>
          <IncompleteDataNotice accounts={accounts} />
        </TranslatorContext.Provider>,
      );
    const list = render([{ address: 'a@studio.example', views: ['list'] }]);
    expect(list).toContain('Gmail’s thread list could not be read well lately');
    expect(list).not.toContain('conversation');
    const conversation = render([{ address: 'a@studio.example', views: ['conversation'] }]);
    expect(conversation).toContain('a conversation opened in Gmail could not be read well lately');
    expect(conversation).not.toContain('thread list');
    expect(render([{ address: 'a@studio.example', views: ['list', 'conversation'] }])).toContain(
      'Gmail’s thread list and an opened conversation could not be read well lately',
    );
  });

  it.each(['en', 'uk', 'ru'] as const)(
    'says so in %s, one line per account, and nothing when all is well',
    (language) => {
      const render = (accounts: IncompleteAccount[]) =>
        renderToStaticMarkup(
          <TranslatorContext.Provider value={createTranslator(language)}>
            <IncompleteDataNotice accounts={accounts} />
          </TranslatorContext.Provider>,
        );
      expect(render([])).toBe('');
      const html = render([
        { address: 'list@studio.example', views: ['list'] },
        { address: '<b>x</b>@evil.example', views: ['conversation'] },
      ]);
      expect(html).toContain('role="status"');
      expect(html.match(/<p>/g)).toHaveLength(2);
      expect(html).toContain('list@studio.example');
      expect(html).not.toContain('<b>');
      expect(html).not.toContain('{account}');
      expect(html).not.toContain('{what}');
    },
  );
});
