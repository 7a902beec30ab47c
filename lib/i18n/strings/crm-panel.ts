import { defineStrings } from './define-strings';

// The side panel's words about what a CRM taught, watched clients, and a CRM
// record of no known client.
export const crmPanelStrings = defineStrings({
  en: {
    'crmPanel.title': 'From your CRM',
    'crmPanel.addresses': 'Their mail from these addresses counts for this client:',
    'crmPanel.domain': 'Mail from {domain} counts for this client.',
    'crmPanel.activities': '{count} activities count as contact, the latest on {date}.',
    'crmPanel.amount': 'Deal amount {amount}: the client’s value if you allow it in the options and set none here.',
    'crmPanel.amountInUse': 'Deal amount {amount}: counted as the client’s value, as you allowed in the options.',
    'crmPanel.watched': 'You watch this client.',
    'crmPanel.watchedList': 'Clients you watch',
    'crmPanel.forget': 'Forget what the CRM taught',
    'crmPanel.unwatch': 'Stop watching and forget what the CRM taught',
    'crmPanel.noMailYet': 'No mail with this client read yet: Keepwarm watches for it from now on.',
    'crmPanel.unknown': 'This record’s {candidate} is not a client Keepwarm knows: no mail with it has been read.',
    'crmPanel.watch': 'Watch {candidate}',
    'crmPanel.watchIn': 'In the account',
    'crmPanel.noAccount': 'Open Gmail once so Keepwarm knows your account; then you can watch this client.',
    'crmPanel.watchHint': 'Keepwarm then tracks it like any client. You can stop in its settings.',
  },
  uk: {
    'crmPanel.title': 'З вашої CRM',
    'crmPanel.addresses': 'Їхні листи з цих адрес зараховуються цьому клієнту:',
    'crmPanel.domain': 'Листи з {domain} зараховуються цьому клієнту.',
    'crmPanel.activities': 'Активностей, що рахуються як контакт: {count}, остання {date}.',
    'crmPanel.amount':
      'Сума угоди {amount}: цінність клієнта, якщо ви дозволили це в налаштуваннях і не вказали цінність тут.',
    'crmPanel.amountInUse': 'Сума угоди {amount}: зараховується як цінність клієнта, як ви дозволили в налаштуваннях.',
    'crmPanel.watched': 'Ви стежите за цим клієнтом.',
    'crmPanel.watchedList': 'Клієнти, за якими ви стежите',
    'crmPanel.forget': 'Забути те, що дала CRM',
    'crmPanel.unwatch': 'Не стежити й забути те, що дала CRM',
    'crmPanel.noMailYet': 'Листів із цим клієнтом ще не прочитано: відтепер Keepwarm чекає на них.',
    'crmPanel.unknown': '{candidate} із цього запису — не відомий Keepwarm клієнт: листів із ним не прочитано.',
    'crmPanel.watch': 'Стежити за {candidate}',
    'crmPanel.watchIn': 'В обліковому записі',
    'crmPanel.noAccount':
      'Відкрийте Gmail хоч раз, щоб Keepwarm знав ваш обліковий запис; тоді можна стежити за цим клієнтом.',
    'crmPanel.watchHint':
      'Тоді Keepwarm стежить за ним, як за будь-яким клієнтом. Припинити можна в його налаштуваннях.',
  },
  ru: {
    'crmPanel.title': 'Из вашей CRM',
    'crmPanel.addresses': 'Их письма с этих адресов засчитываются этому клиенту:',
    'crmPanel.domain': 'Письма с {domain} засчитываются этому клиенту.',
    'crmPanel.activities': 'Активностей, считающихся контактом: {count}, последняя {date}.',
    'crmPanel.amount':
      'Сумма сделки {amount}: ценность клиента, если вы разрешили это в настройках и не указали ценность здесь.',
    'crmPanel.amountInUse': 'Сумма сделки {amount}: засчитывается как ценность клиента, как вы разрешили в настройках.',
    'crmPanel.watched': 'Вы следите за этим клиентом.',
    'crmPanel.watchedList': 'Клиенты, за которыми вы следите',
    'crmPanel.forget': 'Забыть то, что дала CRM',
    'crmPanel.unwatch': 'Не следить и забыть то, что дала CRM',
    'crmPanel.noMailYet': 'Писем с этим клиентом ещё не прочитано: теперь Keepwarm ждёт их.',
    'crmPanel.unknown': '{candidate} из этой записи — не известный Keepwarm клиент: писем с ним не прочитано.',
    'crmPanel.watch': 'Следить за {candidate}',
    'crmPanel.watchIn': 'В учётной записи',
    'crmPanel.noAccount':
      'Откройте Gmail хотя бы раз, чтобы Keepwarm знал вашу учётную запись; тогда можно следить за этим клиентом.',
    'crmPanel.watchHint': 'Тогда Keepwarm следит за ним, как за любым клиентом. Прекратить можно в его настройках.',
  },
});
