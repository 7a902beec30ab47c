// A Keepwarm backup: every table of the database as it is, with the schema
// version it was written at. Rows are checked for what the database needs to
// store them (their keys and indexed fields, with their types); the rest of a
// row is kept as written, so a backup restores exactly what it saved.
import { z } from 'zod';
import { SCHEMA_VERSIONS } from '@/lib/data/schema-versions';
import { SENDER_EVIDENCE } from '@/lib/sites/gmail/row-inference';

export const BACKUP_FORMAT = 'keepwarm-backup';
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.length;

const text = z.string().max(100_000);
const key = z.string().min(1).max(1000);
const time = z.number().finite();
const refs = z.array(z.string().max(1400)).max(10_000);
const address = z.looseObject({ email: z.string().max(400) });

const latencySide = z.looseObject({ count: z.number().int().nonnegative(), medianMs: time.optional() });

const reply = z.looseObject({ at: time, wallMs: time });

/** The parts of a client's report every surface reads, so a restored report never breaks a page. */
const reportSchema = z.looseObject({
  key,
  displayName: z.string().max(1000),
  kind: z.enum(['org', 'person']),
  addresses: z.array(z.string().max(400)),
  metrics: z.looseObject({
    firstSeenAt: time,
    latency: z.looseObject({ ours: latencySide, theirs: latencySide }),
    waiting: z.looseObject({}),
    cues: z.array(z.looseObject({})),
  }),
  risk: z.looseObject({
    score: time,
    level: z.enum(['low', 'watch', 'high', 'critical']),
    reasons: z.array(z.looseObject({ kind: z.string().max(100), weight: time, text: z.string().max(10_000) })),
  }),
  followUps: z.array(z.looseObject({ key: z.string().max(1000) })),
  threads: z.array(z.looseObject({ threadId: z.string().max(1000), turn: z.enum(['us', 'them', 'none']) })),
  // A backup from before the weeks of activity has none; the chart waits for the next recompute.
  activity: z
    .looseObject({
      receivedAt: z.array(time),
      sentAt: z.array(time),
      ourReplies: z.array(reply),
      theirReplies: z.array(reply),
    })
    .optional(),
});

/** What each table's rows must carry; a table a newer version adds is refused by the version check first. */
export const TABLE_ROW_SCHEMAS = {
  accounts: z.looseObject({
    address: key,
    accountPath: text.optional(),
    firstSeenAt: time,
    lastSeenAt: time,
    titleOffset: z.looseObject({ minutes: z.number().int().min(-720).max(840), learnedAt: time }).optional(),
    repliesOutsideInboxAt: time.optional(),
  }),
  messages: z.looseObject({
    account: key,
    id: key,
    threadId: z.string().max(1000),
    at: time,
    from: address,
    to: z.array(address),
    cc: z.array(address),
    source: z.enum(['list', 'conversation', 'import', 'gmail-data']),
    senderKnown: z.boolean(),
    // Optional: a backup from before senders were inferred from list rows has none.
    senderEvidence: z.enum(SENDER_EVIDENCE).optional(),
    clientRefs: refs,
  }),
  threads: z.looseObject({
    account: key,
    threadId: key,
    lastActivityAt: time,
    participants: z.array(address),
    clientRefs: refs,
  }),
  clients: z.looseObject({
    account: key,
    key,
    riskScore: time,
    report: reportSchema,
    waitingOnUsSince: time.optional(),
    computedAt: time,
  }),
  followUpStates: z.looseObject({ account: key, key, clientKey: key }),
  settings: z.looseObject({ id: z.literal('user'), settings: z.looseObject({}), updatedAt: time }),
  clientOverrides: z.looseObject({ account: key, key, include: z.boolean().optional() }),
  recomputeMarks: z.looseObject({
    id: z.number().int().positive(),
    account: key,
    refs: z.array(key).max(1_000_000),
    markedAt: time,
  }),
  crmLearned: z.looseObject({
    account: key,
    clientKey: key,
    addresses: z.array(key),
    activities: z.array(time),
    records: z.array(key),
    updatedAt: time,
  }),
  setAside: z.looseObject({
    account: key,
    key,
    kind: z.enum(['org', 'person']),
    name: z.string().max(1000),
    messages: z.number().int().nonnegative(),
    lastAt: time,
    senders: z.array(
      z.looseObject({
        address: z.string().max(400),
        name: z.string().max(1000),
        signal: z.looseObject({
          kind: z.enum(['machine', 'role', 'host', 'platform', 'gmail-category', 'header', 'calendar']),
        }),
        messages: z.number().int().nonnegative(),
        lastAt: time,
      }),
    ),
    senderCount: z.number().int().nonnegative(),
    computedAt: time,
  }),
} satisfies Record<string, z.ZodType>;

/** Tables an older version kept and a backup it wrote still carries: restored into the tables that replaced them. */
const LEGACY_ROW_SCHEMAS = {
  // Up to v5, a row per client waiting for a recompute (v6 keeps them as recomputeMarks).
  pendingRecompute: z.looseObject({ ref: key, account: key, markedAt: time }),
} satisfies Record<string, z.ZodType>;

const BACKUP_ROW_SCHEMAS = { ...TABLE_ROW_SCHEMAS, ...LEGACY_ROW_SCHEMAS };

export type TableName = keyof typeof TABLE_ROW_SCHEMAS;
/** The database's tables today: what a backup is written from and restored into. */
export const TABLE_NAMES = Object.keys(TABLE_ROW_SCHEMAS) as TableName[];

type BackupTableName = keyof typeof BACKUP_ROW_SCHEMAS;
/** Every table a backup of this or an older version can carry. */
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_ROW_SCHEMAS) as BackupTableName[];

const tablesSchema = z.strictObject(
  Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, z.array(BACKUP_ROW_SCHEMAS[name]).optional()])) as {
    [N in BackupTableName]: z.ZodOptional<z.ZodArray<(typeof BACKUP_ROW_SCHEMAS)[N]>>;
  },
);

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1).max(CURRENT_SCHEMA_VERSION),
  exportedAt: time,
  tables: tablesSchema,
});

export type Backup = z.infer<typeof backupSchema>;

export type BackupProblem =
  | { kind: 'not-json' }
  | { kind: 'not-a-backup' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'invalid'; where: string; detail: string };

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

/** Checks a parsed backup; says why it cannot be imported rather than importing a part of it. */
export function checkBackup(raw: unknown): BackupCheck {
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { kind: 'not-a-backup' } };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    return { ok: false, problem: { kind: 'newer-version', version } };
  }
  const result = backupSchema.safeParse(raw);
  if (result.success) return { ok: true, backup: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    problem: { kind: 'invalid', where: issue?.path.join('.') ?? '', detail: issue?.message ?? 'invalid' },
  };
}

/** Reads a backup file's text. */
export function readBackupText(text: string): BackupCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  return checkBackup(raw);
}
