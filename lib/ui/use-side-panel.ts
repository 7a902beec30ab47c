import { useMemo } from 'react';
import type { StoredClient, StoredSetAside } from '@/lib/data/stored-rows';
import type { SidePanelClient } from '@/lib/messaging/session-keys';
import { useDatabase } from '@/lib/ui/database';
import { clientDetail, riskiestClients, watchedClients } from './client-detail';
import type { ClientDetail } from './client-detail-type';
import { mergeTargets } from './merge-target-reads';
import type { MergeTargets } from './merge-targets';
import { accountPathOf, gmailThreadUrl, openInGmail } from './open-in-gmail';
import { readSetAside } from './set-aside-reads';
import { clientOfThread, type PanelTarget } from './side-panel-target';
import { type LiveState, useLiveQuery } from './use-live-query';

export const RISKIEST_SHOWN = 12;
/** The overview lists the most recent senders set aside; the options page lists them all. */
export const SET_ASIDE_SHOWN = 10;

export type PanelView =
  | { kind: 'client'; detail: ClientDetail; mine: ReadonlySet<string> }
  | { kind: 'unknown-thread' }
  | { kind: 'reading' }
  /** Who the user may watch, and in which of their accounts. */
  | { kind: 'candidate'; candidate: string; accounts: string[] }
  | {
      kind: 'overview';
      riskiest: StoredClient[];
      watched: StoredClient[];
      clientCount: number;
      setAside: { entries: StoredSetAside[]; total: number };
    };

/** What the panel shows for a target, live: a recompute after new mail re-renders it. */
export function useSidePanel(target: PanelTarget) {
  const db = useDatabase();
  const view: LiveState<PanelView> = useLiveQuery(async (): Promise<PanelView> => {
    const now = Date.now();
    if (target.kind === 'reading') return { kind: 'reading' };
    if (target.kind === 'candidate') {
      const accounts = await db.accounts.toCollection().primaryKeys();
      return { kind: 'candidate', candidate: target.candidate, accounts };
    }
    if (target.kind === 'overview') {
      const [riskiest, watched, clientCount, setAside] = await Promise.all([
        riskiestClients(db, RISKIEST_SHOWN),
        watchedClients(db),
        db.clients.count(),
        readSetAside(db, SET_ASIDE_SHOWN),
      ]);
      return { kind: 'overview', riskiest, watched, clientCount, setAside };
    }
    const client: SidePanelClient | undefined = target.kind === 'client' ? target : await clientOfThread(db, target);
    const detail = client && (await clientDetail(db, client.account, client.clientKey, now));
    if (!detail) return { kind: 'unknown-thread' };
    const aliases = (await db.settings.get('user'))?.settings.accounts?.[client.account]?.aliases ?? [];
    return { kind: 'client', detail, mine: new Set([client.account, ...aliases].map((a) => a.toLowerCase())) };
  }, [db, JSON.stringify(target)]);

  const openThread = async (account: string, threadId: string) => {
    await openInGmail(gmailThreadUrl(await accountPathOf(db, account), threadId));
  };
  const shown = view.kind === 'ready' && view.value.kind === 'client' ? view.value.detail.client : undefined;
  const account = shown?.account;
  const clientKey = shown?.key;
  /** The shown client's merge targets, the same object while the same client is shown. */
  const targets: MergeTargets | undefined = useMemo(
    () => (account && clientKey ? mergeTargets(db, account, clientKey) : undefined),
    [db, account, clientKey],
  );
  return { view, openThread, mergeTargets: targets };
}
