import { defineStrings } from './define-strings';

// The user's own backtest: the options page's panel and `keepwarm backtest`
// say its figures in these words, so both read the same.
export const backtestStrings = defineStrings({
  en: {
    'backtest.title': 'How Keepwarm would have done on your past mail',
    'backtest.intro':
      'Keepwarm replays an account’s stored mail week by week with the model it ships, as the badges would have shown it then, and checks what happened next. It runs in this browser; nothing is sent anywhere.',
    'backtest.account': 'Account',
    'backtest.run': 'Run the backtest',
    'backtest.running': 'Replaying the account’s past week by week…',
    'backtest.failed': 'The backtest could not run: {error}',
    'backtest.noAccounts': 'Keepwarm holds no mail yet: import your past mail above, then come back here.',
    'backtest.summary':
      'Clients who went quiet in your past: {wentQuiet}. Keepwarm would have flagged {flagged} of them, a median of {lead} before they were gone. False alarms: {falseAlarms} a month.',
    'backtest.summaryNoneFlagged':
      'Clients who went quiet in your past: {wentQuiet}. Keepwarm would have flagged none of them in time. False alarms: {falseAlarms} a month.',
    'backtest.definitions':
      'Flagged: the level “High” or “Critical”, a chance of going quiet of {percent} or more, where the badge says a client is at risk. Gone: nothing from the client for {horizon} days after a message of theirs, among clients who wrote on at least 3 days; “before” counts to the end of those {horizon} days. A false alarm: a client newly flagged who wrote within {horizon} days.',
    'backtest.replayed': 'Replayed weekly over {months} months, {from} to {to}, with the model fitted at {commit}.',
    'backtest.note.too-little-history':
      'Too little history to backtest: it needs about five months of mail (three before the first week replayed, two after the last). Import more of your past mail.',
    'backtest.note.no-clients':
      'No client has enough history to test: none wrote to you on 3 or more days with an exchange in the half year before.',
    'backtest.note.no-one-went-quiet':
      'No client went quiet in the months replayed, so there was no one to flag in time. False alarms: {falseAlarms} a month.',
    'backtest.note.no-one-stayed':
      'Every client went quiet in the months replayed ({wentQuiet}), so no alarm could be told false. Keepwarm would have flagged {flagged} of them in time.',
  },
  uk: {
    'backtest.title': 'Як Keepwarm спрацював би на вашій минулій пошті',
    'backtest.intro':
      'Keepwarm програє збережену пошту облікового запису тиждень за тижнем із моделлю, яку він постачає, так, як тоді показали б значки, і перевіряє, що сталося далі. Усе відбувається в цьому браузері; нічого нікуди не надсилається.',
    'backtest.account': 'Обліковий запис',
    'backtest.run': 'Перевірити на минулому',
    'backtest.running': 'Програємо минуле облікового запису тиждень за тижнем…',
    'backtest.failed': 'Перевірку не вдалося виконати: {error}',
    'backtest.noAccounts': 'Keepwarm ще не має пошти: імпортуйте минулу пошту вище й поверніться сюди.',
    'backtest.summary':
      'Клієнтів, що затихли у вашому минулому: {wentQuiet}. Keepwarm позначив би з них {flagged}, за медіаною за {lead} до того, як вони зникли. Хибних тривог на місяць: {falseAlarms}.',
    'backtest.summaryNoneFlagged':
      'Клієнтів, що затихли у вашому минулому: {wentQuiet}. Keepwarm не позначив би вчасно жодного з них. Хибних тривог на місяць: {falseAlarms}.',
    'backtest.definitions':
      'Позначений: рівень «Високий» або «Критичний», імовірність затихнути {percent} або більше, коли значок каже, що клієнт під ризиком. Зник: нічого від клієнта {horizon} днів після його повідомлення, серед клієнтів, що писали щонайменше в 3 дні; «до» рахується до кінця цих {horizon} днів. Хибна тривога: клієнт, щойно позначений, який написав протягом {horizon} днів.',
    'backtest.replayed': 'Програно щотижня за {months} міс., з {from} до {to}, з моделлю, навченою на {commit}.',
    'backtest.note.too-little-history':
      'Замало історії для перевірки: потрібно близько п’яти місяців пошти (три до першого програного тижня, два після останнього). Імпортуйте більше минулої пошти.',
    'backtest.note.no-clients':
      'Жоден клієнт не має достатньо історії для перевірки: ніхто не писав вам у 3 дні чи більше з листуванням у попередні пів року.',
    'backtest.note.no-one-went-quiet':
      'У програні місяці жоден клієнт не затих, тож не було кого позначати вчасно. Хибних тривог на місяць: {falseAlarms}.',
    'backtest.note.no-one-stayed':
      'У програні місяці затихли всі клієнти ({wentQuiet}), тож жодну тривогу не можна визнати хибною. Keepwarm позначив би вчасно {flagged} з них.',
  },
  ru: {
    'backtest.title': 'Как Keepwarm сработал бы на вашей прошлой почте',
    'backtest.intro':
      'Keepwarm проигрывает сохранённую почту учётной записи неделя за неделей с моделью, которую он поставляет, так, как тогда показали бы значки, и проверяет, что случилось дальше. Всё происходит в этом браузере; ничего никуда не отправляется.',
    'backtest.account': 'Учётная запись',
    'backtest.run': 'Проверить на прошлом',
    'backtest.running': 'Проигрываем прошлое учётной записи неделя за неделей…',
    'backtest.failed': 'Проверку не удалось выполнить: {error}',
    'backtest.noAccounts': 'У Keepwarm ещё нет почты: импортируйте прошлую почту выше и вернитесь сюда.',
    'backtest.summary':
      'Клиентов, затихших в вашем прошлом: {wentQuiet}. Keepwarm отметил бы из них {flagged}, по медиане за {lead} до того, как они пропали. Ложных тревог в месяц: {falseAlarms}.',
    'backtest.summaryNoneFlagged':
      'Клиентов, затихших в вашем прошлом: {wentQuiet}. Keepwarm не отметил бы вовремя ни одного из них. Ложных тревог в месяц: {falseAlarms}.',
    'backtest.definitions':
      'Отмечен: уровень «Высокий» или «Критический», вероятность затихнуть {percent} или больше, когда значок говорит, что клиент под риском. Пропал: ничего от клиента {horizon} дней после его сообщения, среди клиентов, писавших хотя бы в 3 дня; «до» считается до конца этих {horizon} дней. Ложная тревога: клиент, только что отмеченный, который написал в течение {horizon} дней.',
    'backtest.replayed': 'Проиграно еженедельно за {months} мес., с {from} по {to}, с моделью, обученной на {commit}.',
    'backtest.note.too-little-history':
      'Слишком мало истории для проверки: нужно около пяти месяцев почты (три до первой проигранной недели, два после последней). Импортируйте больше прошлой почты.',
    'backtest.note.no-clients':
      'Ни у одного клиента нет достаточной истории для проверки: никто не писал вам в 3 дня или больше с перепиской в предыдущие полгода.',
    'backtest.note.no-one-went-quiet':
      'В проигранные месяцы ни один клиент не затих, так что некого было отмечать вовремя. Ложных тревог в месяц: {falseAlarms}.',
    'backtest.note.no-one-stayed':
      'В проигранные месяцы затихли все клиенты ({wentQuiet}), так что ни одну тревогу нельзя признать ложной. Keepwarm отметил бы вовремя {flagged} из них.',
  },
});
