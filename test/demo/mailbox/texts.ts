import type { DemoLanguage } from './types';

// What people write, per language. Ordinary work first; the complaint texts
// carry the dissatisfaction, cancellation, price and competitor cues that the
// product must notice.

interface Texts {
  subjects: string[];
  replyPrefix: string;
  fromClient: string[];
  fromUs: string[];
  complaint: string[];
  nudge: string[];
}

export const TEXTS: Record<DemoLanguage, Texts> = {
  en: {
    subjects: [
      'Website refresh: next steps',
      'Invoice #{n} for {month}',
      'Q{q} campaign brief',
      'Quick question about the landing page',
      'Feedback on the new logo drafts',
      'Meeting notes — {month}',
      'Newsletter template updates',
      'Photos for the product pages',
      'Monthly report {month}',
      'Holiday promo timeline',
    ],
    replyPrefix: 'Re: ',
    fromClient: [
      'Thanks, this looks great. Could we move the call to Thursday afternoon?',
      'Attached are the assets you asked for. Let me know if anything is missing.',
      'The team reviewed the drafts and we prefer option B, with the darker blue.',
      'Can you send an updated estimate before Friday? Finance needs it for the budget.',
      'Quick one: is the contact form sending to the right mailbox now?',
      'We approved the copy. Please go ahead and publish on Monday.',
    ],
    fromUs: [
      'Thanks! I have updated the draft and shared the new link. Happy to walk you through it.',
      'Here is the revised estimate; the main change is the extra landing page.',
      'Thursday at 3 pm works for us. I will send an invite.',
      'All done — the form now delivers to your sales inbox. I tested it twice.',
      'Publishing is scheduled for Monday 9 am. I will confirm once it is live.',
      'Great news. I will prepare the report and send it by the end of the week.',
    ],
    complaint: [
      'Honestly we are disappointed: the launch slipped again and nobody told us. This is not acceptable.',
      'We got a quote from another agency that is much cheaper. Your prices are too high for what we get.',
      'We are considering cancelling our contract at the end of the quarter unless things improve.',
    ],
    nudge: [
      'Just checking in on my previous email — any thoughts?',
      'Following up on the proposal I sent. Would love to hear your feedback.',
      'Circling back on this. Is the project still on for this month?',
    ],
  },
  uk: {
    subjects: [
      'Оновлення сайту: наступні кроки',
      'Рахунок №{n} за {month}',
      'Бриф кампанії на Q{q}',
      'Питання щодо лендингу',
      'Відгук на нові ескізи логотипа',
      'Нотатки зустрічі — {month}',
      'Фото для сторінок товарів',
      'Щомісячний звіт {month}',
    ],
    replyPrefix: 'Re: ',
    fromClient: [
      'Дякую, виглядає чудово. Чи можемо перенести дзвінок на четвер після обіду?',
      'Надсилаю матеріали, які ви просили. Дайте знати, якщо чогось бракує.',
      'Команда переглянула макети, нам більше подобається варіант Б.',
      'Чи можете надіслати оновлений кошторис до пʼятниці?',
      'Ми погодили тексти. Публікуйте в понеділок, будь ласка.',
    ],
    fromUs: [
      'Дякую! Я оновила макет і поділилася новим посиланням.',
      'Ось оновлений кошторис; основна зміна — додаткова сторінка.',
      'Четвер о 15:00 нам підходить, надішлю запрошення.',
      'Готово — форма тепер надсилає листи на вашу скриньку продажів.',
      'Публікацію заплановано на понеділок, 9:00. Підтверджу, коли все буде онлайн.',
    ],
    complaint: [
      'Чесно кажучи, ми незадоволені: запуск знову зірвали, і ніхто нас не попередив.',
      'Інша агенція запропонувала значно дешевше. Для нас це занадто дорого.',
      'Думаємо розірвати договір наприкінці кварталу, якщо нічого не зміниться.',
    ],
    nudge: ['Нагадую про мій попередній лист — є думки?', 'Хотіла уточнити щодо пропозиції, яку я надсилала.'],
  },
  ru: {
    subjects: [
      'Обновление сайта: следующие шаги',
      'Счёт №{n} за {month}',
      'Бриф кампании на Q{q}',
      'Вопрос по лендингу',
      'Отзыв о новых эскизах логотипа',
      'Заметки по встрече — {month}',
      'Ежемесячный отчёт {month}',
    ],
    replyPrefix: 'Re: ',
    fromClient: [
      'Спасибо, выглядит отлично. Можем перенести созвон на четверг после обеда?',
      'Отправляю материалы, которые вы просили. Напишите, если чего-то не хватает.',
      'Команда посмотрела макеты, нам больше нравится вариант Б.',
      'Пришлите, пожалуйста, обновлённую смету до пятницы.',
      'Мы согласовали тексты. Публикуйте в понедельник.',
    ],
    fromUs: [
      'Спасибо! Я обновила макет и отправила новую ссылку.',
      'Вот обновлённая смета; главное изменение — дополнительная страница.',
      'Четверг в 15:00 подходит, пришлю приглашение.',
      'Готово — форма теперь отправляет письма на ваш ящик продаж.',
    ],
    complaint: [
      'Мы недовольны: запуск снова сорван, и нас никто не предупредил.',
      'Другое агентство предложило намного дешевле, у вас слишком дорого.',
      'Рассматриваем расторжение договора в конце квартала, если ничего не изменится.',
    ],
    nudge: [
      'Напоминаю о моём предыдущем письме — есть мысли?',
      'Хотела уточнить по предложению, которое я отправляла.',
    ],
  },
};

export const COLLEAGUE_SUBJECTS = ['Standup notes', 'Resourcing next week', 'Client list cleanup', 'Office party 🎉'];
export const NEWSLETTER_SUBJECTS = ['This week in design', 'New features you will love', 'Your monthly digest'];
export const NOTIFICATION_SUBJECTS = [
  'Security alert',
  'Your payout is on its way',
  '[brightpath/site] CI passed on main',
];
