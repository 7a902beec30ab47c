import { useEffect, useRef } from 'react';
import type { TeamClientReply, TeamListsReply, TeamWaitRowView } from '@/lib/features/team/team-view-messages';
import { useTranslator } from '@/lib/ui/use-translator';
import { TeamClientCard } from './team-client-card';
import { TeamLists } from './team-lists';

type Connected = Extract<TeamListsReply, { connected: true }>;

interface Props {
  team: Connected;
  waiting: { rows: readonly (TeamWaitRowView | undefined)[]; need: (start: number, end: number) => void };
  /** The client a row opened, and what the background said of it (undefined while it is asked). */
  opened?: { key: string; reply?: TeamClientReply };
  onOpen: (clientKey: string) => void;
  onBack: () => void;
  onSearchInGmail: () => void;
}

/** The team scope of the popup and of the side panel's overview: the team's lists, or the client a row opened. */
export function TeamScopeBody({ team, waiting, opened, onOpen, onBack, onSearchInGmail }: Props) {
  const { t } = useTranslator();
  const back = useRef<HTMLButtonElement>(null);
  const openedKey = opened?.key;
  // Keyboard users land on the opened client's first control, and leave with one more key.
  useEffect(() => {
    if (openedKey !== undefined) back.current?.focus();
  }, [openedKey]);
  if (opened) {
    const { reply } = opened;
    return (
      <>
        <button type="button" className="kw-back" ref={back} onClick={onBack} data-testid="team-back">
          ← {t('team.back')}
        </button>
        {reply?.connected ? (
          <TeamClientCard client={reply.client} now={reply.computedAt} onSearchInGmail={onSearchInGmail} />
        ) : (
          <p aria-busy="true">{t('status.loading')}</p>
        )}
      </>
    );
  }
  const { stale, future, invalid } = team.ignored;
  return (
    <TeamLists
      waiting={waiting}
      riskiest={team.riskiest}
      now={team.computedAt}
      ignored={stale + future + invalid}
      onOpen={onOpen}
    />
  );
}
