import type { Translator } from '@/lib/i18n/translate';

/** A member as the lists name them: the viewer is "Ann (you)". */
export function memberName(t: Translator['t'], member: { name: string; self: boolean; memberId: string }): string {
  const name = member.name || member.memberId;
  return member.self ? t('team.memberYou', { name }) : name;
}
