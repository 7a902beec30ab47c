import { describe, expect, it } from 'vitest';
import { CUE_HALF_LIFE_DAYS, detectCues, findCues } from '@/lib/engine/cues';
import { DAY } from './mail-builders';

const kinds = (text: string) => findCues(text).map((c) => `${c.kind}:${c.phrase}`);

describe('cues in English', () => {
  it('finds each kind in real-looking sentences', () => {
    expect(kinds('Hi Olena, I have to file a complaint about the last invoice.')).toEqual(['complaint:complaint']);
    expect(kinds('Honestly we are not very happy with how the launch went')).toEqual(['complaint:not very happy']);
    expect(kinds('We would like to cancel our subscription from next month.')).toEqual([
      'cancellation:cancel our subscription',
    ]);
    expect(kinds('Your new rates are too expensive for us this year')).toEqual(['price:too expensive']);
    expect(kinds('We got a quote from another agency and it is half of yours')).toEqual(['competitor:another agency']);
    expect(kinds("We still haven't received the report")).toEqual(["complaint:still haven't"]);
  });

  it('does not fire on negated or everyday phrases', () => {
    expect(kinds('No complaints at all, great work!')).toEqual([]);
    expect(kinds("We don't have any complaints")).toEqual([]);
    expect(kinds('Can we cancel the meeting tomorrow?')).toEqual([]);
    expect(kinds('Please ignore my previous email')).toEqual([]);
    expect(kinds('Moving the call to Friday')).toEqual([]);
    expect(kinds('It is not expensive at all')).toEqual([]);
  });
});

describe('cues in Ukrainian', () => {
  it('matches stems across inflections', () => {
    expect(kinds('Ми незадоволені якістю останньої роботи')).toEqual(['complaint:незадоволені']);
    expect(kinds('Хочемо розірвати договір з наступного місяця')).toEqual(['cancellation:розірвати договір']);
    expect(kinds('Ціна знову зросла, це занадто дорого для нас')).toEqual([
      'price:Ціна знову зросла',
      'price:занадто дорого',
    ]);
    expect(kinds('Зараз розглядаємо інших підрядників')).toEqual(['competitor:інших підрядників']);
    expect(kinds('Маємо скаргу щодо доставки')).toEqual(['complaint:скаргу']);
  });

  it('respects negation and everyday words', () => {
    expect(kinds('Жодних скарг, все добре')).toEqual([]);
    expect(kinds('Скасуємо зустріч на завтра?')).toEqual([]);
    expect(kinds('Дорога була довгою, але ми доїхали')).toEqual([]);
    expect(kinds('Дорогий пане Іване, дякуємо')).toEqual([]);
  });
});

describe('cues in Russian', () => {
  it('finds each kind', () => {
    expect(kinds('Мы недовольны сроками')).toEqual(['complaint:недовольны']);
    expect(kinds('Хотим расторгнуть договор до конца года')).toEqual(['cancellation:расторгнуть договор']);
    expect(kinds('Нам предложили скидку у конкурентов')).toEqual(['price:скидку', 'competitor:конкурентов']);
    expect(kinds('Отменить подписку, пожалуйста')).toEqual(['cancellation:Отменить подписку']);
    expect(kinds('Ещё ждём ответа, до сих пор не получили счёт')).toEqual(['complaint:до сих пор не']);
  });

  it('respects negation and everyday words', () => {
    expect(kinds('Без претензий, спасибо')).toEqual([]);
    expect(kinds('Отменим встречу?')).toEqual([]);
    expect(kinds('Пожалуйста, пришлите счёт')).toEqual([]);
    expect(kinds('Дорогой Иван, спасибо')).toEqual([]);
    expect(kinds('Никаких жалоб нет')).toEqual([]);
  });
});

describe('cue weighting', () => {
  const now = 100 * DAY;
  const source = (id: string, at: number, subject: string, snippet = '') => ({
    id,
    threadId: 't',
    at,
    subject,
    snippet,
  });

  it('halves the weight every half-life and drops old hits', () => {
    const hits = detectCues(
      [
        source('a', now, '', 'not happy'),
        source('b', now - CUE_HALF_LIFE_DAYS * DAY, '', 'not happy'),
        source('c', 0, '', 'not happy'),
      ],
      now,
    );
    expect(hits.map((h) => [h.messageId, h.weight])).toEqual([
      ['a', 1],
      ['b', 0.5],
    ]);
    expect(hits[0]).toMatchObject({ kind: 'complaint', phrase: 'not happy', field: 'snippet', threadId: 't' });
  });

  it('counts a repeated subject once per thread and ignores future messages', () => {
    const hits = detectCues(
      [
        source('a', now - DAY, 'Complaint about invoice'),
        source('b', now, 'Re: Complaint about invoice'),
        source('c', now + DAY, 'refund'),
      ],
      now,
    );
    expect(hits.map((h) => h.messageId)).toEqual(['a']);
    expect(detectCues([], now)).toEqual([]);
  });
});
