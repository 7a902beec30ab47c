import type { MailMessage } from '../types';

/** One account's mail and its owner, as the evaluation reads it. */
export interface EvaluationMailbox {
  name: string;
  /** The owner's addresses. */
  me: readonly string[];
  /** Oldest first. */
  messages: readonly MailMessage[];
}
