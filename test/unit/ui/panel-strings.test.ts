import { describe, expect, it } from 'vitest';
import { followUpText, reasonText } from '@/lib/i18n/risk-reason-text';
import { crmPanelStrings } from '@/lib/i18n/strings/crm-panel';
import { popupStrings } from '@/lib/i18n/strings/popup';
import { reasonStrings } from '@/lib/i18n/strings/reasons';
import { sidePanelStrings } from '@/lib/i18n/strings/side-panel';
import { createTranslator } from '@/lib/i18n/translate';
import { analysis, NOW } from './demo-clients';

const AREAS = { popup: popupStrings, reasons: reasonStrings, sidePanel: sidePanelStrings, crmPanel: crmPanelStrings };
/** Latin words a translation may keep: names of products, and CRM, which Ukrainian and Russian use as is. */
const KEPT = new Set(['Keepwarm', 'Gmail', 'Enter', 'CRM']);
const latinWords = (text: string) =>
  text
    .replace(/\{\w+\}/g, '')
    .match(/[A-Za-z]{2,}/g)
    ?.filter((word) => !KEPT.has(word)) ?? [];

// Durations are spelled by date-fns in the UI ("3 days 22 hours") and shortly
// by the engine ("3 d 22 h"); the words around them must be the engine's.
const DURATION = /\d+(?:\.\d+)?\s*(?:d|h|min|days?|hours?|minutes?|months?|years?)\b/g;
const wording = (text: string) =>
  text
    .replace(/[\u2068\u2069]/g, '')
    .replace(DURATION, '#')
    .replace(/#(\s*#)+/g, '#')
    .replace(/\s+/g, ' ');

describe('the popup, side panel and reason texts in every language', () => {
  it.each(Object.entries(AREAS))('%s: Ukrainian and Russian translate every text', (_, area) => {
    for (const [key, english] of Object.entries(area.en)) {
      for (const language of ['uk', 'ru'] as const) {
        const translated = (area[language] as Record<string, string>)[key] ?? '';
        expect(translated.trim(), `${language} ${key}`).not.toBe('');
        if (latinWords(english).length > 0) expect(translated, `${language} ${key}`).not.toBe(english);
        expect(latinWords(translated), `${language} ${key}: ${translated}`).toEqual([]);
      }
    }
  });

  const reasons = analysis.clients.flatMap((report) => report.risk.reasons.map((reason) => ({ report, reason })));

  it('renders every reason of the demo in the engine’s own English words', () => {
    expect(new Set(reasons.map((r) => r.reason.kind)).size).toBeGreaterThanOrEqual(6);
    const en = createTranslator('en');
    for (const { report, reason } of reasons) {
      expect(wording(reasonText(en, reason, report)), reason.kind).toBe(wording(reason.text));
    }
  });

  it('renders every follow-up of the demo in the engine’s own English words', () => {
    const en = createTranslator('en');
    const followUps = analysis.clients.flatMap((report) => report.followUps.map((followUp) => ({ report, followUp })));
    expect(new Set(followUps.map((f) => f.followUp.kind)).size).toBeGreaterThanOrEqual(3);
    for (const { report, followUp } of followUps)
      expect(wording(followUpText(en, followUp, report, NOW)), followUp.kind).toBe(wording(followUp.reason));
  });

  it.each(['uk', 'ru'] as const)(
    'renders every reason and follow-up of the demo in %s, numbers and all',
    (language) => {
      const tr = createTranslator(language);
      for (const { report, reason } of reasons) {
        const text = reasonText(tr, reason, report);
        expect(text, reason.kind).not.toMatch(/\{\w+\}/);
        const words = latinWords(text.replace(reason.phrase ?? '\u0000', ''));
        expect(words, `${reason.kind}: ${text}`).toEqual([]);
      }
      for (const report of analysis.clients) {
        for (const followUp of report.followUps) {
          const text = followUpText(tr, followUp, report, NOW);
          const subjects = report.threads.map((t) => t.subject);
          const phrases = report.risk.reasons.map((r) => r.phrase ?? '\u0000');
          const own = [...subjects, ...phrases].reduce((rest, s) => rest.split(s).join(''), text);
          expect(latinWords(own), `${followUp.kind}: ${text}`).toEqual([]);
        }
      }
    },
  );
});
