import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/lib/i18n/translate';
import { defaultUserSettings, parseUserSettings } from '@/lib/settings/user-settings';
import { checkDraft, draftOf, hourToTime, splitEntries, timeToHour } from '@/lib/ui/settings-form';

const ME = 'olena@brightpath.studio';
const saved = parseUserSettings({
  ...defaultUserSettings('Europe/Kyiv'),
  language: 'ru',
  accounts: { [ME]: { aliases: ['hello@brightpath.studio'], internalDomains: ['brightpath.agency'] } },
  ignoredDomains: ['supplier.com'],
});

describe('settings form', () => {
  it('turns the saved settings into a draft and back unchanged', () => {
    expect(checkDraft(draftOf(saved), saved)).toEqual({ ok: true, settings: saved });
  });

  it('reads times, lists and numbers as a person types them', () => {
    expect(timeToHour('08:30')).toBe(8.5);
    expect(Number.isNaN(timeToHour(''))).toBe(true);
    expect(hourToTime(17.25)).toBe('17:15');
    expect(splitEntries(' a@b.com\n\nc@d.com, e@f.com;\n')).toEqual(['a@b.com', 'c@d.com', 'e@f.com']);
    const draft = {
      ...draftOf(saved),
      start: '08:30',
      replyTargetHours: '4.5',
      ignoredSenders: 'Friend@Example.com\n',
      accounts: { [ME]: { aliases: '', internalDomains: 'Colleagues.Studio' } },
    };
    const check = checkDraft(draft, saved);
    expect(check.ok && check.settings.businessHours.startHour).toBe(8.5);
    expect(check.ok && check.settings.replyTargetHours).toBe(4.5);
    expect(check.ok && check.settings.ignoredSenders).toEqual(['friend@example.com']);
    expect(check.ok && check.settings.accounts[ME]).toEqual({ aliases: [], internalDomains: ['colleagues.studio'] });
    expect(check.ok && check.settings.language).toBe('ru');
  });

  it('puts each problem on its field, with the entry at fault, in words every language has', () => {
    const check = checkDraft(
      {
        ...draftOf(saved),
        workingDays: [],
        start: '18:00',
        end: '09:00',
        timeZone: 'Mars/Olympus',
        replyTargetHours: '0',
        ignoredSenders: 'ok@example.com\nnot an address',
        ignoredDomains: '@acme.com',
        accounts: { [ME]: { aliases: 'me@', internalDomains: 'https://acme.com' } },
      },
      saved,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual({
      'businessHours.workingDays': { key: 'options.error.noWorkingDay' },
      'businessHours.timeZone': { key: 'options.error.timeZone' },
      'businessHours.endHour': { key: 'options.error.endBeforeStart' },
      replyTargetHours: { key: 'options.error.replyTarget', params: { max: 336 } },
      ignoredSenders: { key: 'options.error.email', params: { value: 'not an address' } },
      ignoredDomains: { key: 'options.error.domain', params: { value: '@acme.com' } },
      [`accounts.${ME}.aliases`]: { key: 'options.error.email', params: { value: 'me@' } },
      [`accounts.${ME}.internalDomains`]: { key: 'options.error.domain', params: { value: 'https://acme.com' } },
    });
    const uk = createTranslator('uk');
    expect(uk.t('options.error.domain', { value: '@acme.com' })).toBe('«@acme.com» — не домен на кшталт acme.com.');
  });

  it('says the day must end after it starts, and names a blank time', () => {
    const ends = checkDraft({ ...draftOf(saved), start: '18:00', end: '09:00' }, saved);
    expect(!ends.ok && ends.errors).toEqual({ 'businessHours.endHour': { key: 'options.error.endBeforeStart' } });
    const blank = checkDraft({ ...draftOf(saved), start: '', replyTargetHours: ' ' }, saved);
    expect(!blank.ok && Object.keys(blank.errors).sort()).toEqual(['businessHours.startHour', 'replyTargetHours']);
  });

  it('names the limit when a list is too long', () => {
    const many = Array.from({ length: 51 }, (_, i) => `a${i}.com`).join('\n');
    const check = checkDraft({ ...draftOf(saved), accounts: { [ME]: { aliases: '', internalDomains: many } } }, saved);
    expect(!check.ok && check.errors[`accounts.${ME}.internalDomains`]).toEqual({
      key: 'options.error.tooMany',
      params: { max: 50 },
    });
  });

  it('reads retention months, blank as keep everything, and puts each problem under its field', () => {
    const ok = checkDraft({ ...draftOf(saved), snippetMonths: '6', forgetMonths: ' ' }, saved);
    expect(ok.ok && ok.settings.retention).toEqual({ snippetMonths: 6, forgetMonths: 0 });
    const bad = checkDraft({ ...draftOf(saved), snippetMonths: '1.5', forgetMonths: '3' }, saved);
    expect(bad.ok ? {} : bad.errors).toEqual({
      'retention.snippetMonths': { key: 'options.error.snippetMonths' },
      'retention.forgetMonths': { key: 'options.error.forgetMonths' },
    });
    const text = checkDraft({ ...draftOf(saved), snippetMonths: 'six' }, saved);
    expect(text.ok ? {} : text.errors).toHaveProperty(['retention.snippetMonths']);
  });
});
