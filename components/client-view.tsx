import type { ClientActions } from '@/lib/ui/client-action-types';
import type { ClientDetail } from '@/lib/ui/client-detail-type';
import type { MergeTargets } from '@/lib/ui/merge-targets';
import { useTranslator } from '@/lib/ui/use-translator';
import { ActivityChart } from './activity-chart';
import { ClientSettings } from './client-settings';
import { ContactTimeline } from './contact-timeline';
import { CrmLearningCard } from './crm-learning-card';
import { FollowUpList } from './follow-up-list';
import { RiskReasons } from './risk-reasons';
import { ThreadTurns } from './thread-turns';

interface Props {
  detail: ClientDetail;
  now: number;
  actions: ClientActions;
  mergeTargets: MergeTargets;
  mine: (email: string) => boolean;
  onOpenThread: (threadId: string) => void;
}

/** One client: its risk and reasons, what to do next, whose turn, activity, history and settings. */
export function ClientView({ detail, now, actions, mergeTargets, mine, onOpenThread }: Props) {
  const { t, date } = useTranslator();
  const { report } = detail.client;
  const addresses = report.addresses.slice(0, 3).join(', ');
  return (
    <article
      className="kw-client"
      data-testid="client-view"
      data-account={detail.client.account}
      data-client={report.key}
    >
      <header className="kw-client__head">
        <h2 className="kw-client__name">
          <bdi>{report.displayName}</bdi>
        </h2>
        <p className="kw-muted">
          <bdi>{report.key}</bdi>
          {addresses && addresses !== report.key ? (
            <>
              {' · '}
              <bdi>{addresses}</bdi>
              {report.addresses.length > 3 ? ` +${report.addresses.length - 3}` : ''}
            </>
          ) : null}
          {' · '}
          {t('panel.clientSince', { date: date(report.metrics.firstSeenAt) })}
        </p>
        {detail.messageCount === 0 ? (
          <p className="kw-muted" data-testid="no-mail-yet">
            {t('crmPanel.noMailYet')}
          </p>
        ) : null}
      </header>
      <RiskReasons report={report} />
      <FollowUpList report={report} now={now} onDecide={actions.decideFollowUp} onOpenThread={onOpenThread} />
      <ThreadTurns threads={report.threads} now={now} onOpenThread={onOpenThread} />
      <ActivityChart weeks={detail.activity} />
      <ContactTimeline messages={detail.timeline} total={detail.messageCount} mine={mine} />
      <ClientSettings
        key={`${detail.client.account}|${report.key}`}
        report={report}
        override={detail.override}
        split={detail.split}
        mergeTargets={mergeTargets}
        actions={actions}
      />
      {detail.learning ? (
        <CrmLearningCard
          learning={detail.learning}
          amountInUse={detail.override?.value === undefined && report.value === detail.learning.amount?.value}
          onForget={actions.forgetCrm}
        />
      ) : null}
    </article>
  );
}
