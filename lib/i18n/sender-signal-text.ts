import type { SenderSignal } from '@/lib/engine/sender-kind';
import type { Translator } from './translate';

/** Why a sender was set aside, in the user's language ("a role address (renewals), not a person"). */
export function senderSignalText(t: Translator, signal: SenderSignal): string {
  switch (signal.kind) {
    case 'machine':
      return t.t('setAside.signal.machine', { word: signal.word });
    case 'role':
      return t.t('setAside.signal.role', { word: signal.word });
    case 'host':
      return t.t('setAside.signal.host', { host: signal.host });
    case 'platform':
      return t.t('setAside.signal.platform', { domain: signal.domain });
    case 'gmail-category':
      return t.t('setAside.signal.gmail-category', { category: t.t(`setAside.category.${signal.category}`) });
    case 'header':
      return t.t(`setAside.signal.header.${signal.header}`);
    case 'calendar':
      return t.t('setAside.signal.calendar');
  }
}
