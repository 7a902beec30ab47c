import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { type Correction, checkCorrections, correctionSchema } from '@/lib/team/corrections';
import {
  CORRECTIONS_ARRAY,
  checkRoster,
  documentName,
  ROSTER_MAP,
  type RosterEntry,
  SUMMARIES_MAP,
} from '@/lib/team/documents';
import type { ClientSummary } from '@/lib/team/summary';
import { type CheckedSummaries, followSummaries } from './checked-summaries';
import { type DocumentSync, emptyDocument, followDocumentSync, followStatus } from './document-sync';
import { memberIdOfToken } from './member-token';

// The member's side of team sync: one WebSocket to the team's server carrying
// every document. The member writes their own summaries and the team's
// corrections; the roster tells whose documents to read. Each document is
// also kept in a local store (IndexedDB in the extension) so the team view
// works offline and a reconnect sends only what changed. Nothing here touches
// the extension's APIs: the background gives it the socket and the store.

/** A local copy of one document: y-indexeddb's IndexeddbPersistence fits. */
export interface LocalCopy {
  whenSynced: Promise<unknown>;
  destroy(): unknown;
  clearData(): Promise<void>;
}

export interface ReplicaOptions {
  /** `wss://…`, or `ws://` to the user's own machine (connection-settings.ts checks it). */
  url: string;
  teamId: string;
  token: string;
  /** The WebSocket class where the global one is missing (Node). */
  WebSocket?: unknown;
  localCopy?: (name: string, doc: Y.Doc) => LocalCopy;
  /** Called after any document changed, locally or from the server. */
  onChange?: () => void;
  /** Called after the connection's state or whether sync is up to date changed (see `status`). */
  onStatusChange?: () => void;
}

export type ReplicaState = 'connecting' | 'connected' | 'refused' | 'offline';

export interface MemberView {
  memberId: string;
  name: string;
  revoked: boolean;
  self: boolean;
  summaries: Map<string, ClientSummary>;
}

export interface TeamView {
  members: MemberView[];
  corrections: Correction[];
  /** Replicated values that failed validation and were dropped. */
  invalid: number;
}

const KEEP_ALIVE_MS = 20_000;

interface OpenDocument {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  copy?: LocalCopy;
  sync: DocumentSync;
  /** A member's document: its summaries, checked as they change. */
  summaries?: CheckedSummaries;
}

function docOf(open: Map<string, OpenDocument>, name: string): Y.Doc {
  return open.get(name)?.doc ?? new Y.Doc();
}
const rosterDoc = (teamId: string, open: Map<string, OpenDocument>) =>
  docOf(open, documentName({ teamId, kind: 'roster' }));
const teamDoc = (teamId: string, open: Map<string, OpenDocument>) =>
  docOf(open, documentName({ teamId, kind: 'team' }));
const summariesOf = (doc: Y.Doc) => doc.getMap<unknown>(SUMMARIES_MAP);

/** What the open documents hold, each value checked; a member's document counts only if the roster names them. */
function teamViewOf(teamId: string, memberId: string, open: Map<string, OpenDocument>): TeamView {
  const checkedRoster = checkRoster(rosterDoc(teamId, open).getMap(ROSTER_MAP).entries());
  let invalid = checkedRoster.invalid;
  const members: MemberView[] = [];
  const entries: [string, RosterEntry][] = [...checkedRoster.valid];
  if (!checkedRoster.valid.has(memberId)) entries.push([memberId, { name: '', revoked: false }]);
  for (const [id, entry] of entries) {
    const checked = open.get(documentName({ teamId: teamId, kind: 'member', memberId: id }))?.summaries;
    invalid += checked?.invalid() ?? 0;
    members.push({
      memberId: id,
      name: entry.name,
      revoked: entry.revoked,
      self: id === memberId,
      summaries: checked?.valid() ?? new Map(),
    });
  }
  const corrections = checkCorrections(teamDoc(teamId, open).getArray<unknown>(CORRECTIONS_ARRAY).toArray());
  invalid += corrections.invalid;
  return { members, corrections: corrections.valid, invalid };
}

/** Makes a member's document hold exactly these summaries, touching only those that changed. */
function publishInto(doc: Y.Doc, summaries: readonly ClientSummary[]): void {
  const map = summariesOf(doc);
  const next = new Map(summaries.map((s) => [s.clientKey, s]));
  const unchanged = (held: unknown, summary: ClientSummary) =>
    JSON.stringify({ ...(held as object), computedAt: 0 }) === JSON.stringify({ ...summary, computedAt: 0 });
  doc.transact(() => {
    for (const key of [...map.keys()]) if (!next.has(key)) map.delete(key);
    for (const [key, summary] of next) if (!unchanged(map.get(key), summary)) map.set(key, summary);
  });
}

/** One socket for every document of the team, retrying for as long as the member stays connected. */
function createSocket(options: ReplicaOptions): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({
    url: options.url,
    ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
    // Back off to a minute between tries, for as long as the member stays connected.
    delay: 1000,
    factor: 2,
    maxDelay: 60_000,
    maxAttempts: 0,
  });
}

/** Stops sync; with `forget`, also removes every local copy (the others' data and the member's own). */
async function stopAll(
  open: Map<string, OpenDocument>,
  socket: HocuspocusProviderWebsocket,
  forget: boolean,
): Promise<void> {
  for (const { provider, copy, summaries } of open.values()) {
    summaries?.stop();
    provider.destroy();
    if (forget) await copy?.clearData();
    else {
      // What arrived before the local store opened is written once it has: wait for that, or it is lost.
      await copy?.whenSynced;
      await copy?.destroy();
    }
  }
  open.clear();
  socket.destroy();
}

/** A document's provider on the team's socket, attached. */
function providerOf(
  socket: HocuspocusProviderWebsocket,
  name: string,
  doc: Y.Doc,
  token: string,
  keepAlive: boolean,
  onRefused: (reason: string) => void,
): HocuspocusProvider {
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    // Awareness (who is online) is not shared: summaries are all a member publishes.
    awareness: null,
    // With no awareness, nothing else crosses an idle socket: the member's own document asks the
    // server for what it misses this often, so the provider sees the link alive (it reconnects
    // after 30 s of silence) and Chrome keeps the service worker holding it.
    ...(keepAlive ? { forceSyncInterval: KEEP_ALIVE_MS } : {}),
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
  });
  provider.attach();
  return provider;
}

export function createTeamReplica(options: ReplicaOptions) {
  const memberId = memberIdOfToken(options.token);
  if (memberId === undefined) throw new Error('not-a-token');
  const socket = createSocket(options);
  let state: ReplicaState = 'connecting';
  let refusal: string | undefined;
  const open = new Map<string, OpenDocument>();
  const changed = () => options.onChange?.();
  const synced = () => [...open.values()].every((d) => d.sync.synced());
  let stopped = false;
  const statusMayHaveChanged = followStatus(
    () => `${state} ${synced()}`,
    () => {
      if (!stopped) options.onStatusChange?.();
    },
  );
  socket.on('status', ({ status }: { status: string }) => {
    if (state === 'refused') return;
    state = status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline';
    statusMayHaveChanged();
  });

  const openDocument = (name: string, { keepAlive = false, member = false, writable = false } = {}): OpenDocument => {
    const held = open.get(name);
    if (held) return held;
    const doc = new Y.Doc();
    const copy = options.localCopy?.(name, doc);
    const provider = providerOf(socket, name, doc, options.token, keepAlive, (reason) => {
      state = 'refused';
      refusal = reason;
      statusMayHaveChanged();
    });
    doc.on('update', changed);
    const entry = {
      doc,
      provider,
      copy,
      sync: followDocumentSync(doc, provider, writable, statusMayHaveChanged),
      ...(member ? { summaries: followSummaries(summariesOf(doc)) } : {}),
    };
    open.set(name, entry);
    // A new document is not in step yet: the replica as a whole may no longer be.
    statusMayHaveChanged();
    return entry;
  };

  const own = openDocument(documentName({ teamId: options.teamId, kind: 'member', memberId }), {
    keepAlive: true,
    member: true,
    writable: true,
  });
  const team = openDocument(documentName({ teamId: options.teamId, kind: 'team' }), { writable: true });
  const roster = openDocument(documentName({ teamId: options.teamId, kind: 'roster' }));
  // A colleague's document is opened once the roster names them.
  const followRoster = () => {
    for (const id of checkRoster(roster.doc.getMap(ROSTER_MAP).entries()).valid.keys()) {
      if (id !== memberId) {
        openDocument(documentName({ teamId: options.teamId, kind: 'member', memberId: id }), { member: true });
      }
    }
  };
  roster.doc.getMap(ROSTER_MAP).observe(followRoster);
  followRoster();

  return {
    memberId,
    state: (): { state: ReplicaState; refusal?: string } => ({ state, ...(refusal ? { refusal } : {}) }),

    /** Waits until the local copies are read (what the team view shows offline). */
    async loaded(): Promise<void> {
      await Promise.all([...open.values()].map((d) => d.copy?.whenSynced));
    },

    /** True once every open document matches the server and no local change waits to be sent. */
    synced,

    /**
     * Makes the member's document hold exactly these summaries. A summary that
     * differs only in when it was computed is left as it is: a recompute that
     * changed nothing sends nothing, and the document does not grow.
     */
    publish: (summaries: readonly ClientSummary[]): void => publishInto(own.doc, summaries),

    correct(correction: Correction): void {
      team.doc.getArray<unknown>(CORRECTIONS_ARRAY).push([correctionSchema.parse(correction)]);
    },

    /** Everything replicated, each value checked; a member's document counts only if the roster names them. */
    view: (): TeamView => teamViewOf(options.teamId, memberId, open),

    /** Empties the member's own document on the server; resolves once the server has it. */
    deleteOwnDocument: (): Promise<void> => emptyDocument(own.doc, summariesOf(own.doc), own.provider),

    /** Stops sync; with `forget`, also removes every local copy (the others' data and the member's own). */
    stop: ({ forget = false } = {}): Promise<void> => {
      stopped = true;
      return stopAll(open, socket, forget);
    },
  };
}

export type TeamReplica = ReturnType<typeof createTeamReplica>;
