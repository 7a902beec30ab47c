// Bounds shared by the schemas and the content script, in a file without zod
// so the content script can import them without the schema library.

/** A Gmail page shows a few hundred threads at most; more in one ask is not a page's. */
export const MAX_RISK_THREADS = 500;

/** Threads of Gmail's own data in one message: what the content script holds while the account is unknown. */
export const MAX_DATA_THREADS = 2000;
