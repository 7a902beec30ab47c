import { defineStrings } from './define-strings';

// Which model gives the chance of going quiet, and why (the side panel).
export const riskModelStrings = defineStrings({
  en: {
    'riskModel.shipped': 'The chance comes from Keepwarm’s model, learnt from many mailboxes.',
    'riskModel.account':
      'The chance comes from a model learnt on your own mail: on {samples} later client-months of your past it predicted better than Keepwarm’s model.',
    'riskModel.notBetter':
      'Your mail did not show a better model: the chance comes from Keepwarm’s model, learnt from many mailboxes.',
    'riskModel.fewSamples':
      'Your mail holds too few clients with history yet to learn a model of its own: the chance comes from Keepwarm’s model.',
    'riskModel.oneOutcome':
      'In your past mail every client went quiet, or none did, so there is nothing to learn from yet: the chance comes from Keepwarm’s model.',
    'riskModel.failed': 'The last attempt to learn from your mail failed; the model before it stays.',
    'riskModel.timedOut': 'The last attempt to learn from your mail took too long; the model before it stays.',
    'riskModel.ofAccount': '{account}: {note}',
  },
  uk: {
    'riskModel.shipped': 'Шанс дає модель Keepwarm, навчена на багатьох поштових скриньках.',
    'riskModel.account':
      'Шанс дає модель, навчена на вашій власній пошті: на {samples} пізніших місяцях клієнтів із вашого минулого вона передбачала краще за модель Keepwarm.',
    'riskModel.notBetter':
      'Ваша пошта не показала кращої моделі: шанс дає модель Keepwarm, навчена на багатьох поштових скриньках.',
    'riskModel.fewSamples':
      'У вашій пошті поки замало клієнтів з історією, щоб навчити власну модель: шанс дає модель Keepwarm.',
    'riskModel.oneOutcome':
      'У вашій минулій пошті замовкли всі клієнти або жоден, тож вчитися поки нема на чому: шанс дає модель Keepwarm.',
    'riskModel.failed': 'Остання спроба навчитися на вашій пошті не вдалася; лишається попередня модель.',
    'riskModel.timedOut': 'Остання спроба навчитися на вашій пошті тривала задовго; лишається попередня модель.',
    'riskModel.ofAccount': '{account}: {note}',
  },
  ru: {
    'riskModel.shipped': 'Шанс даёт модель Keepwarm, обученная на многих почтовых ящиках.',
    'riskModel.account':
      'Шанс даёт модель, обученная на вашей собственной почте: на {samples} более поздних месяцах клиентов из вашего прошлого она предсказывала лучше модели Keepwarm.',
    'riskModel.notBetter':
      'Ваша почта не показала лучшей модели: шанс даёт модель Keepwarm, обученная на многих почтовых ящиках.',
    'riskModel.fewSamples':
      'В вашей почте пока слишком мало клиентов с историей, чтобы обучить собственную модель: шанс даёт модель Keepwarm.',
    'riskModel.oneOutcome':
      'В вашей прошлой почте замолчали все клиенты или ни один, так что учиться пока не на чем: шанс даёт модель Keepwarm.',
    'riskModel.failed': 'Последняя попытка обучиться на вашей почте не удалась; остаётся прежняя модель.',
    'riskModel.timedOut':
      'Последняя попытка обучиться на вашей почте заняла слишком много времени; остаётся прежняя модель.',
    'riskModel.ofAccount': '{account}: {note}',
  },
});
