// The database's tables and indexes by version, apart from the database library,
// so a backup's format knows the current version without opening storage.
// Versions are append-only: a new version adds its stores here and its upgrade
// function in lib/store/db.ts, and never edits an old one.

/** Every version's stores, oldest first. Append a version; never edit one that shipped. */
export const SCHEMA_VERSIONS: Record<string, string | null>[] = [
  {
    accounts: '&address',
    messages: '[account+id], [account+threadId], [account+at], *clientRefs',
    threads: '[account+threadId], [account+lastActivityAt], *clientRefs',
    clients: '[account+key], [account+riskScore], [account+waitingOnUsSince]',
  },
  // v2: the user's follow-up decisions, kept apart from the recomputed reports so a recompute never loses them.
  { followUpStates: '[account+key], [account+clientKey]' },
  // v3: the user's settings and client corrections, and the clients waiting for a recompute.
  { settings: '&id', clientOverrides: '[account+key]', pendingRecompute: '&ref, account' },
  // v4: what the user's CRM pages taught about clients, and the clients the user watches.
  { crmLearned: '[account+clientKey]' },
  // v5: the clients set aside as automated or bulk mail, listed most recent first.
  { setAside: '[account+key], [account+lastAt]' },
  // v6: the clients waiting for a recompute, one row per stored change (a batch of mail marks all its clients in one
  // write) rather than one per client, which cost an import nearly a third as much again as storing the mail.
  { recomputeMarks: '++id, account', pendingRecompute: null },
  // v7: each client's place in the popup's two waiting lists, so the popup reads its first rows from an index.
  {
    clients: '[account+key], [account+riskScore], [account+waitingOnUsSince], onYouPlace.rank, stoppedPlace.rank',
  },
];
