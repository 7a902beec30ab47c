import { defineStrings } from './define-strings';

// A full disk, and how long Keepwarm keeps what it stores: the notice in the
// popup and the options page, and the options page's storage fields.
export const storageStrings = defineStrings({
  en: {
    'storage.full':
      'Keepwarm’s storage is full: the browser refused to save {what} on {when}. Nothing was half-saved, but new mail is not being recorded.',
    'storage.fullWhatToDo':
      'To make room, keep snippets or messages for fewer months (Storage in the options), delete the data of an account you no longer need, or free disk space on this computer. This notice goes away as soon as Keepwarm can save again.',
    'storage.fullOpenOptions': 'Free some space',
    'storage.operation.page': 'what a Gmail page showed',
    'storage.operation.import': 'a batch of imported mail',
    'storage.operation.settings': 'your settings',
    'storage.operation.restore': 'a backup being restored',
    'storage.operation.follow-up': 'a follow-up decision',
    'storage.operation.correction': 'a client correction',
    'storage.operation.recompute': 'updated risks',
    'storage.operation.retention': 'the cleanup of old mail',
    'storage.operation.delete': 'a deletion',
    'options.storage.title': 'Storage',
    'options.storage.snippetMonths': 'Keep message snippets for this many months',
    'options.storage.snippetHint':
      'Older messages keep their time, sender and subject but lose the short preview. 0 keeps snippets for ever. Risks then no longer see words like “cancel” in older mail.',
    'options.storage.forgetMonths': 'Forget messages older than this many months',
    'options.storage.forgetHint':
      'Older messages, and threads with nothing newer, are deleted; a client with nothing left disappears until they write again. At least 6 months, so reply times and usual gaps keep enough history; 0 keeps everything. Your follow-up decisions and client corrections stay.',
    'options.storage.applied': 'Applied once a day, and right after you save.',
    'options.storage.estimate': 'Keepwarm uses {usage} of the {quota} this browser allows it ({percent}).',
    'options.storage.estimateUnknown': 'This browser does not say how much storage Keepwarm may use.',
    'options.storage.lastRun':
      'Last cleanup {when}: {snippets} snippets cleared, {messages} messages and {threads} threads forgotten.',
    'options.storage.lastRunFailed': 'The last cleanup, {when}, changed nothing: {error}',
    'options.error.snippetMonths': 'Enter a whole number of months from 0 to 120.',
    'options.error.forgetMonths': 'Enter 0, or a whole number of months from 6 to 240.',
  },
  uk: {
    'storage.full':
      'Сховище Keepwarm заповнене: браузер не дав зберегти {what} {when}. Нічого не збережено наполовину, але нова пошта не записується.',
    'storage.fullWhatToDo':
      'Щоб звільнити місце, зберігайте фрагменти чи листи менше місяців («Сховище» в налаштуваннях), видаліть дані облікового запису, який більше не потрібен, або звільніть місце на диску цього комп’ютера. Це повідомлення зникне, щойно Keepwarm знову зможе зберігати.',
    'storage.fullOpenOptions': 'Звільнити місце',
    'storage.operation.page': 'те, що показала сторінка Gmail,',
    'storage.operation.import': 'пакет імпортованої пошти',
    'storage.operation.settings': 'ваші налаштування',
    'storage.operation.restore': 'резервну копію, що відновлювалася,',
    'storage.operation.follow-up': 'рішення щодо нагадування',
    'storage.operation.correction': 'виправлення клієнта',
    'storage.operation.recompute': 'оновлені ризики',
    'storage.operation.retention': 'очищення старої пошти',
    'storage.operation.delete': 'видалення',
    'options.storage.title': 'Сховище',
    'options.storage.snippetMonths': 'Зберігати фрагменти листів стільки місяців',
    'options.storage.snippetHint':
      'Старші листи зберігають час, відправника й тему, але втрачають короткий уривок. 0 — зберігати фрагменти завжди. Ризики тоді не бачать у старих листах слів на кшталт «скасувати».',
    'options.storage.forgetMonths': 'Забувати листи, старші за стільки місяців',
    'options.storage.forgetHint':
      'Старші листи й ланцюжки без новіших листів видаляються; клієнт, від якого нічого не лишилося, зникає, доки не напише знову. Щонайменше 6 місяців, щоб час відповіді й звичні паузи мали досить історії; 0 — зберігати все. Ваші рішення щодо нагадувань і виправлення клієнтів залишаються.',
    'options.storage.applied': 'Застосовується раз на день і одразу після збереження.',
    'options.storage.estimate': 'Keepwarm займає {usage} із {quota}, які дозволяє браузер ({percent}).',
    'options.storage.estimateUnknown': 'Браузер не повідомляє, скільки місця може займати Keepwarm.',
    'options.storage.lastRun':
      'Останнє очищення {when}: фрагментів очищено — {snippets}, листів забуто — {messages}, ланцюжків — {threads}.',
    'options.storage.lastRunFailed': 'Останнє очищення, {when}, нічого не змінило: {error}',
    'options.error.snippetMonths': 'Введіть ціле число місяців від 0 до 120.',
    'options.error.forgetMonths': 'Введіть 0 або ціле число місяців від 6 до 240.',
  },
  ru: {
    'storage.full':
      'Хранилище Keepwarm заполнено: браузер не дал сохранить {what} {when}. Ничего не сохранено наполовину, но новая почта не записывается.',
    'storage.fullWhatToDo':
      'Чтобы освободить место, храните фрагменты или письма меньше месяцев («Хранилище» в настройках), удалите данные учётной записи, которая больше не нужна, или освободите место на диске этого компьютера. Это сообщение исчезнет, как только Keepwarm снова сможет сохранять.',
    'storage.fullOpenOptions': 'Освободить место',
    'storage.operation.page': 'то, что показала страница Gmail,',
    'storage.operation.import': 'пакет импортированной почты',
    'storage.operation.settings': 'ваши настройки',
    'storage.operation.restore': 'восстанавливаемую резервную копию',
    'storage.operation.follow-up': 'решение по напоминанию',
    'storage.operation.correction': 'исправление клиента',
    'storage.operation.recompute': 'обновлённые риски',
    'storage.operation.retention': 'очистку старой почты',
    'storage.operation.delete': 'удаление',
    'options.storage.title': 'Хранилище',
    'options.storage.snippetMonths': 'Хранить фрагменты писем столько месяцев',
    'options.storage.snippetHint':
      'Более старые письма сохраняют время, отправителя и тему, но теряют короткий отрывок. 0 — хранить фрагменты всегда. Риски тогда не видят в старых письмах слов вроде «отменить».',
    'options.storage.forgetMonths': 'Забывать письма старше стольких месяцев',
    'options.storage.forgetHint':
      'Более старые письма и цепочки без новых писем удаляются; клиент, от которого ничего не осталось, исчезает, пока не напишет снова. Не меньше 6 месяцев, чтобы время ответа и обычные паузы опирались на достаточную историю; 0 — хранить всё. Ваши решения по напоминаниям и исправления клиентов остаются.',
    'options.storage.applied': 'Применяется раз в день и сразу после сохранения.',
    'options.storage.estimate': 'Keepwarm занимает {usage} из {quota}, которые разрешает браузер ({percent}).',
    'options.storage.estimateUnknown': 'Браузер не сообщает, сколько места может занимать Keepwarm.',
    'options.storage.lastRun':
      'Последняя очистка {when}: фрагментов очищено — {snippets}, писем забыто — {messages}, цепочек — {threads}.',
    'options.storage.lastRunFailed': 'Последняя очистка, {when}, ничего не изменила: {error}',
    'options.error.snippetMonths': 'Введите целое число месяцев от 0 до 120.',
    'options.error.forgetMonths': 'Введите 0 или целое число месяцев от 6 до 240.',
  },
});
