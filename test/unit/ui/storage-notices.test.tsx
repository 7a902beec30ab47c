import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RetentionFields } from '@/components/options/retention-fields';
import { StorageFullNotice } from '@/components/storage-full-notice';
import type { RetentionRun } from '@/lib/data/retention-run';
import { storageOperationSchema } from '@/lib/data/storage-problem';
import { createTranslator } from '@/lib/i18n/translate';
import { defaultUserSettings } from '@/lib/settings/user-settings';
import { draftOf } from '@/lib/ui/settings-form';
import { TranslatorContext } from '@/lib/ui/use-translator';

const AT = Date.UTC(2026, 10, 20, 12);
const LANGUAGES = ['en', 'uk', 'ru'] as const;

function render(language: (typeof LANGUAGES)[number], node: React.ReactNode): string {
  return renderToStaticMarkup(
    <TranslatorContext.Provider value={createTranslator(language)}>{node}</TranslatorContext.Provider>,
  );
}

describe('the storage-full notice', () => {
  it.each(LANGUAGES)('in %s: says storage is full, what was refused, what to do; nothing once cleared', (language) => {
    expect(render(language, <StorageFullNotice />)).toBe('');
    for (const operation of storageOperationSchema.options) {
      const html = render(
        language,
        <StorageFullNotice problem={{ operation, at: AT, detail: 'QuotaExceededError' }} />,
      );
      expect(html).toContain('role="alert"');
      expect(html).toContain('Keepwarm');
      expect(html).not.toMatch(/\{\w+\}|storage\.operation/);
      expect(html).not.toContain('QuotaExceededError');
    }
    const popup = render(
      language,
      <StorageFullNotice problem={{ operation: 'import', at: AT, detail: '' }} optionsHref="/options.html#storage" />,
    );
    expect(popup).toContain('href="/options.html#storage"');
  });

  it('reads as the user is told it in English', () => {
    const html = render('en', <StorageFullNotice problem={{ operation: 'page', at: AT, detail: '' }} />);
    expect(html).toContain('Keepwarm’s storage is full: the browser refused to save what a Gmail page showed');
    expect(html).toContain('This notice goes away as soon as Keepwarm can save again.');
  });
});

describe('the storage fields', () => {
  const draft = draftOf(defaultUserSettings('UTC'));
  const props = { draft, errors: {}, update: () => undefined };

  it.each(LANGUAGES)('in %s: the estimate, both fields and the last cleanup, or why it did nothing', (language) => {
    const done: RetentionRun = { at: AT, snippetsCleared: 1200, messagesForgotten: 30, threadsForgotten: 4 };
    const html = render(
      language,
      <RetentionFields {...props} estimate={{ usage: 12_500_000, quota: 1_000_000_000 }} lastRun={done} />,
    );
    expect(html).toContain('id="retention.snippetMonths"');
    expect(html).toContain('id="retention.forgetMonths"');
    expect(html).toMatch(/12[.,]5/);
    expect(html).toMatch(/1[.,]3\s?%/);
    expect(html).toMatch(/1[\s\u00a0\u202f,.]?200/);
    expect(html).not.toMatch(/\{\w+\}/);
    const failed = render(
      language,
      <RetentionFields {...props} lastRun={{ at: AT, error: 'retention settings are invalid' }} />,
    );
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('retention settings are invalid');
  });
});
