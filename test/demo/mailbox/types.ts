// The demo mailbox: a seeded, plain-JSON year of mail. Tests use it as ground
// truth, so every thread says which client it belongs to and every message its
// direction.

export type DemoLanguage = 'en' | 'uk' | 'ru';
export type Direction = 'in' | 'out' | 'internal';

export interface DemoPerson {
  email: string;
  name: string;
}

export type ScenarioName =
  | 'healthy'
  | 'slowingReplies'
  | 'goingQuiet'
  | 'complaintCompetitor'
  | 'waitingOnUs'
  | 'stoppedAnswering'
  | 'newClient';

export interface DemoMessage {
  /** Gmail's `msg-f:` decimal id. */
  id: string;
  /** Gmail's legacy hex id: its value shifted right by 20 bits is `at`. */
  hex: string;
  at: number;
  from: DemoPerson;
  to: DemoPerson[];
  cc: DemoPerson[];
  direction: Direction;
  snippet: string;
  body: string;
  unread: boolean;
}

export type ThreadKind = 'client' | 'colleague' | 'newsletter' | 'notification';

export interface DemoThread {
  /** `thread-f:` decimal id: the id of the thread's first message. */
  id: string;
  hex: string;
  /** The opaque token Gmail puts in the URL of an opened conversation. */
  token: string;
  subject: string;
  kind: ThreadKind;
  /** The client this thread is about (registrable domain, or the address of a free-mail person). */
  clientKey?: string;
  labels: string[];
  category?: 'promotions' | 'updates' | 'social';
  messages: DemoMessage[];
  /** A reply the user started and has not sent. */
  draft?: { id: string; snippet: string };
}

export interface DemoClient {
  key: string;
  name: string;
  kind: 'org' | 'person';
  language: DemoLanguage;
  people: DemoPerson[];
  scenario: ScenarioName;
}

export interface DemoAccount {
  index: number;
  address: string;
  name: string;
  /** Gmail's display language for this account's pages. */
  uiLanguage: 'en' | 'en-GB' | 'uk' | 'ru';
  colleagues: DemoPerson[];
  clients: DemoClient[];
  threads: DemoThread[];
  labels: string[];
}

export interface DemoMailbox {
  seed: number;
  now: number;
  accounts: DemoAccount[];
  /** For each scenario, the client keys of account 0 that play it. */
  scenarios: Record<ScenarioName, string[]>;
}
