// Public API of the engine: pure functions from plain records and an explicit
// `now` to plain results.
export {
  type AccountAnalysis,
  type AnalyzeAccountInput,
  type AnalyzeClientInput,
  analyzeAccount,
  analyzeClient,
  analyzeOneClient,
} from './analyze';
export { type AccountContext, analyzeClientByClient, type ClientByClientAnalysis } from './analyze-by-client';
export {
  assertValidCustomer,
  type BgNbdCustomer,
  type BgNbdParams,
  customerLogLikelihood,
  expectedTransactions,
  expectedTransactionsUnconditional,
  logLikelihood,
  pAlive,
} from './bgnbd';
export { parseBgNbdSummaryCsv, SummaryFormatError } from './bgnbd-csv';
export { type BgNbdFit, fitBgNbd, NotEnoughDataError } from './bgnbd-fit';
export { type BgNbdUnit, summarizeContactDays } from './bgnbd-summary';
export { type BusinessClock, createBusinessClock } from './business-hours';
export {
  type Cadence,
  type CadencePrior,
  cadence,
  contactGaps,
  DEFAULT_CADENCE_PRIOR,
  fitCadencePrior,
} from './cadence';
export {
  baseClientKey,
  createPartyClassifier,
  type Direction,
  isPersonKey,
  type MessageParties,
} from './client-identity';
export type { ClientMessage, Side } from './conversation';
export type { CueKind } from './cue-lexicon';
export { CUE_HALF_LIFE_DAYS, type CueHit, type CueMatch, detectCues, findCues } from './cues';
export {
  type FollowUp,
  type FollowUpKind,
  type FollowUpState,
  type FollowUpStatus,
  type ReconciledFollowUps,
  reconcileFollowUps,
  type SuggestedFollowUp,
  suggestFollowUps,
} from './follow-ups';
export { formatDuration } from './format';
export {
  type Latency,
  type LatencyStats,
  latencyStats,
  matchReplies,
  type ReplySample,
  summarizeLatency,
} from './latency';
export {
  type ClientOverride,
  type ClientOverrides,
  type ClientResolver,
  type ClientTier,
  createClientResolver,
  OverridesError,
  parseClientOverrides,
} from './overrides';
export type {
  BgNbdClientMetrics,
  ClientCue,
  ClientMetrics,
  ClientReport,
  InputIssue,
  PopulationModel,
} from './report-types';
export { assessRisk, riskLevel, valueFactor } from './risk';
export { mailboxSamples, type Sample } from './risk-model/evaluation-samples';
export type { EvaluationMailbox } from './risk-model/evaluation-types';
export {
  type AccountEvaluation,
  type EvaluationReport,
  evaluateAccount,
  evaluateRisk,
  type Label,
} from './risk-model/risk-evaluation';
export { SHIPPED_MODEL } from './risk-model/risk-score';
export type { ReasonEnding, ReasonKind, ReasonNumbers, Risk, RiskLevel, RiskReason } from './risk-types';
export {
  type AddressSignal,
  addressSignal,
  findCorrespondents,
  isAutomatedAddress,
  type SenderSignal,
  type SenderStanding,
  setAsideSignal,
} from './sender-kind';
export { SENDER_RULES, type SenderRule } from './sender-rules';
export { SENDERS_KEPT, type SetAsideClient, type SetAsideSender } from './set-aside';
export { DEFAULT_SETTINGS, type EngineSettings, parseEngineSettings, SettingsError } from './settings';
export { messageTrend, type Trend } from './trend';
export type { AccountIdentity, BulkEvidence, MailAddress, MailMessage } from './types';
export { summarizeWaiting, type ThreadState, type Turn, threadState, type Waiting, type WaitingSide } from './waiting';
