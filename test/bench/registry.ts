import type { Benchmark } from './benchmark';
import { bgnbdFit } from './bgnbd-fit';
import { bundleSize } from './bundle-size';
import { cliReport } from './cli-report';
import { crmExtraction } from './crm-extraction';
import { engineRecompute } from './engine-recompute';
import { gmailBadges } from './gmail-badges';
import { gmailExtraction } from './gmail-extraction';
import { gmailLongTasks } from './gmail-long-tasks';
import { ingestIndexedDb } from './ingest-indexeddb';
import { mailboxImport } from './mailbox-import';
import { modelRefit } from './model-refit';
import { parserVsJson } from './parser-vs-json';
import { popupPaint } from './popup-paint';
import { recomputeIndexedDb } from './recompute-indexeddb';
import { riskCandidates } from './risk-candidates';
import { riskQuality } from './risk-quality';
import { riskShapes } from './risk-shapes';
import { scaleAccount } from './scale-account';
import { teamPopup } from './team-popup';
import { teamReplication } from './team-replication';

export const benchmarks: Benchmark[] = [
  bundleSize,
  gmailExtraction,
  crmExtraction,
  gmailBadges,
  gmailLongTasks,
  parserVsJson,
  ingestIndexedDb,
  engineRecompute,
  recomputeIndexedDb,
  bgnbdFit,
  riskQuality,
  riskCandidates,
  riskShapes,
  modelRefit,
  mailboxImport,
  cliReport,
  popupPaint,
  scaleAccount,
  teamReplication,
  teamPopup,
];
