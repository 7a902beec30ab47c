/** The input is not an mbox file nor an RFC 5322 message; raised before any message is read. */
export class NotAMailboxError extends Error {
  constructor(
    readonly sourceName: string,
    readonly reason: string,
  ) {
    super(`${sourceName} is not a mailbox (mbox or .eml): ${reason}`);
    this.name = 'NotAMailboxError';
  }
}
