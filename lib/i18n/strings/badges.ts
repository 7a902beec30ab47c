import { defineStrings } from './define-strings';

// The risk badge next to Gmail threads and the plain-words reasons its tooltip
// shows. Reasons are rendered from the engine's numbers, so each language says
// the same figures as the engine.
export const badgeStrings = defineStrings({
  en: {
    'badge.label': '{client}: {level} risk, {score} of 100. {reasons}',
    'badge.noReasons': 'No risk signal.',
    'badge.openHint': 'Click to open this client in Keepwarm',
    'reason.today': 'today',
    'reason.ago': '{duration} ago',
    'reason.waitingOnUs':
      'waiting {waiting} for your reply ({working} of working time) — you usually answer in {usual}',
    'reason.waitingOnUsFirst':
      'waiting {waiting} for your reply ({working} of working time) — no reply history with this client yet',
    'reason.target': '; your target is {target} of working time',
    'reason.slowReplies': 'your replies took {recent} of working time in the last 30 days — usually {usual}',
    'reason.waitingOnThemReply': 'no answer to your message for {waiting} — they usually answer within {usual}',
    'reason.waitingOnThemGap': 'no answer to your message for {waiting} — they usually write every {gap}',
    'reason.silenceTheirs': 'last exchange {when} (their message) — expected about every {expected}',
    'reason.silenceYours': 'last exchange {when} (yours) — expected about every {expected}',
    'reason.fewContacts':
      'only {days} of contact so far, the first {first} — a relationship that has not taken hold yet',
    'reason.lowPAlive': 'only a {percent} chance they are still active; last contact {when}',
    'reason.declining': '{last30} messages from them in the last 30 days — about {expected} before',
    'reason.cancellation': 'they asked about cancelling {when}: {phrase}',
    'reason.competitor': 'they mentioned other providers {when}: {phrase}',
    'reason.complaint': 'they complained {when}: {phrase}',
    'reason.price': 'they raised price concerns {when}: {phrase}',
    'reason.answered': '(you have answered since)',
  },
  uk: {
    'badge.label': '{client}: ризик «{level}», {score} зі 100. {reasons}',
    'badge.noReasons': 'Сигналів ризику немає.',
    'badge.openHint': 'Натисніть, щоб відкрити цього клієнта в Keepwarm',
    'reason.today': 'сьогодні',
    'reason.ago': '{duration} тому',
    'reason.waitingOnUs':
      'чекає на вашу відповідь {waiting} ({working} робочого часу) — зазвичай ви відповідаєте за {usual}',
    'reason.waitingOnUsFirst':
      'чекає на вашу відповідь {waiting} ({working} робочого часу) — ви ще не відповідали цьому клієнту',
    'reason.target': '; ваша ціль — {target} робочого часу',
    'reason.slowReplies': 'за останні 30 днів ваші відповіді займали {recent} робочого часу — зазвичай {usual}',
    'reason.waitingOnThemReply': 'немає відповіді на ваш лист уже {waiting} — зазвичай вони відповідають за {usual}',
    'reason.waitingOnThemGap': 'немає відповіді на ваш лист уже {waiting} — зазвичай вони пишуть раз на {gap}',
    'reason.silenceTheirs': 'останній контакт {when} (їхній лист) — очікувано приблизно раз на {expected}',
    'reason.silenceYours': 'останній контакт {when} (ваш лист) — очікувано приблизно раз на {expected}',
    'reason.fewContacts': 'лише {days} контакту, перший {first} — стосунки ще не склалися',
    'reason.lowPAlive': 'лише {percent} імовірності, що клієнт ще активний; останній контакт {when}',
    'reason.declining': '{last30} листів від них за останні 30 днів — раніше близько {expected}',
    'reason.cancellation': 'вони питали про скасування {when}: {phrase}',
    'reason.competitor': 'вони згадували інших підрядників {when}: {phrase}',
    'reason.complaint': 'вони скаржилися {when}: {phrase}',
    'reason.price': 'вони висловлювали сумніви щодо ціни {when}: {phrase}',
    'reason.answered': '(ви вже відповіли)',
  },
  ru: {
    'badge.label': '{client}: риск «{level}», {score} из 100. {reasons}',
    'badge.noReasons': 'Сигналов риска нет.',
    'badge.openHint': 'Нажмите, чтобы открыть этого клиента в Keepwarm',
    'reason.today': 'сегодня',
    'reason.ago': '{duration} назад',
    'reason.waitingOnUs': 'ждёт вашего ответа {waiting} ({working} рабочего времени) — обычно вы отвечаете за {usual}',
    'reason.waitingOnUsFirst':
      'ждёт вашего ответа {waiting} ({working} рабочего времени) — вы ещё не отвечали этому клиенту',
    'reason.target': '; ваша цель — {target} рабочего времени',
    'reason.slowReplies': 'за последние 30 дней ваши ответы занимали {recent} рабочего времени — обычно {usual}',
    'reason.waitingOnThemReply': 'нет ответа на ваше письмо уже {waiting} — обычно они отвечают за {usual}',
    'reason.waitingOnThemGap': 'нет ответа на ваше письмо уже {waiting} — обычно они пишут раз в {gap}',
    'reason.silenceTheirs': 'последний контакт {when} (их письмо) — ожидалось примерно раз в {expected}',
    'reason.silenceYours': 'последний контакт {when} (ваше письмо) — ожидалось примерно раз в {expected}',
    'reason.fewContacts': 'всего {days} контакта, первый {first} — отношения ещё не сложились',
    'reason.lowPAlive': 'всего {percent} вероятности, что клиент ещё активен; последний контакт {when}',
    'reason.declining': '{last30} писем от них за последние 30 дней — раньше около {expected}',
    'reason.cancellation': 'они спрашивали об отмене {when}: {phrase}',
    'reason.competitor': 'они упоминали других подрядчиков {when}: {phrase}',
    'reason.complaint': 'они жаловались {when}: {phrase}',
    'reason.price': 'они выражали сомнения в цене {when}: {phrase}',
    'reason.answered': '(вы уже ответили)',
  },
});
