import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RiskModelNote } from '@/components/risk-model-note';
import { storedChoice, withFailure } from '@/lib/engine/risk-model/account-model';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { riskModelStrings } from '@/lib/i18n/strings/risk-model';
import { createTranslator } from '@/lib/i18n/translate';
import { riskModelNote } from '@/lib/ui/risk-model-note';
import { TranslatorContext } from '@/lib/ui/use-translator';

const NOW = Date.UTC(2026, 10, 20, 12);
const evidence = {
  fitSamples: 300,
  checkSamples: 150,
  checkCuts: 4,
  shippedLogLoss: 0.6,
  accountLogLoss: 0.5,
  gainStandardError: 0.01,
};
const adopted = storedChoice(
  {
    adopt: true,
    model: { intercept: 0, columns: SHIPPED_MODEL.terms.map((t) => ({ ...t, weight: 0 })) },
    evidence,
  },
  NOW,
);

const render = (language: 'en' | 'uk' | 'ru', accounts: { address: string; riskModel?: unknown }[]) =>
  renderToStaticMarkup(
    <TranslatorContext.Provider value={createTranslator(language)}>
      <RiskModelNote accounts={accounts} />
    </TranslatorContext.Provider>,
  );

describe('which model the chance comes from', () => {
  it('says why the shipped model stays, and when the account’s own was adopted', () => {
    expect(riskModelNote(undefined)).toEqual([{ key: 'riskModel.shipped' }]);
    expect(riskModelNote(storedChoice({ adopt: false, reason: 'not-better', evidence }, NOW))).toEqual([
      { key: 'riskModel.notBetter' },
    ]);
    expect(riskModelNote(storedChoice({ adopt: false, reason: 'few-samples' }, NOW))).toEqual([
      { key: 'riskModel.fewSamples' },
    ]);
    expect(riskModelNote(storedChoice({ adopt: false, reason: 'one-outcome' }, NOW))).toEqual([
      { key: 'riskModel.oneOutcome' },
    ]);
    expect(riskModelNote(adopted)).toEqual([{ key: 'riskModel.account', params: { samples: 150 } }]);
    expect(riskModelNote(withFailure(undefined, 'timed-out', NOW))).toEqual([
      { key: 'riskModel.shipped' },
      { key: 'riskModel.timedOut' },
    ]);
    // A record this build would not score with reads as the shipped model, as it scores.
    expect(riskModelNote({ ...adopted, shippedCommit: 'another' })).toEqual([{ key: 'riskModel.shipped' }]);
  });

  it.each(['en', 'uk', 'ru'] as const)('%s: every line is translated, with its numbers and the account', (language) => {
    const english = riskModelStrings.en;
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      expect(riskModelStrings[language][key].match(/\{\w+\}/g)).toEqual(english[key].match(/\{\w+\}/g));
      if (language !== 'en' && key !== 'riskModel.ofAccount')
        expect(riskModelStrings[language][key]).not.toBe(english[key]);
    }
    const one = render(language, [{ address: 'olena@studio.example', riskModel: withFailure(adopted, 'failed', NOW) }]);
    expect(one).toContain('150');
    expect(one).toContain(createTranslator(language).t('riskModel.failed'));
    expect(one).not.toContain('olena@studio.example');
    const two = render(language, [
      { address: 'olena@studio.example', riskModel: adopted },
      { address: 'team@studio.example' },
    ]);
    expect(two).toContain(
      `olena@studio.example: ${createTranslator(language).t('riskModel.account', { samples: 150 })}`,
    );
    expect(two).toContain(`team@studio.example: ${createTranslator(language).t('riskModel.shipped')}`);
  });

  it('shows nothing without an account', () => {
    expect(render('en', [])).toBe('');
  });
});
