import type { MailMessage } from '../types';

/** One account's mail and its owner, as the evaluation reads it. */
export interface EvaluationMailbox {
  name: string;
  /** The owner's addresses. */
  me: string[];
  /** Oldest first. */
  messages: MailMessage[];
}
