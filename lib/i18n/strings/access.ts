import { defineStrings } from './define-strings';

// The popup's and side panel's notice when the browser's access to Gmail is off.
export const accessStrings = defineStrings({
  en: {
    'access.gmailMissing':
      'Keepwarm cannot read Gmail: its access to mail.google.com is switched off, so no new mail is read and no badge is shown.',
    'access.grantGmail': 'Allow access to Gmail',
  },
  uk: {
    'access.gmailMissing':
      'Keepwarm не може читати Gmail: доступ до mail.google.com вимкнено, тож нові листи не читаються й позначки не показуються.',
    'access.grantGmail': 'Дозволити доступ до Gmail',
  },
  ru: {
    'access.gmailMissing':
      'Keepwarm не может читать Gmail: доступ к mail.google.com выключен, поэтому новые письма не читаются и значки не показываются.',
    'access.grantGmail': 'Разрешить доступ к Gmail',
  },
});
