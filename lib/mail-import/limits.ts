// Bounds on an imported record, shared by the parser and the background's
// schema so that whatever the parser keeps, the background accepts.

/**
 * The shape an imported address must have: one `@` between non-empty parts,
 * no spaces or brackets. Looser than a Gmail page's rule on purpose: archives
 * hold addresses like `c..hall@enron.com` that are still one person.
 */
export const IMPORTED_ADDRESS = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}$/;
export const MAX_SUBJECT_LENGTH = 1000;
/** A mass mailing's recipients past the first thousand add nothing to who the clients are. */
export const MAX_RECIPIENTS = 1000;
/** An id longer than a header line may be is no id. */
export const MAX_ID_LENGTH = 900;
