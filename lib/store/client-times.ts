// The side panel shows a client's last 90 days of mail. Found through the
// client's threads, that is one read per thread, hundreds for a large client;
// an index on (client, time) makes it one read of exactly the window. IndexedDB
// cannot index a list field together with another, so each message carries the
// pairs itself: `[client ref, time]` for every client it involves, indexed
// multi-entry. The pairs are derived from `clientRefs` and `at` on every write
// of a message, whoever writes it, so they can never disagree with them.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** `[<account>|<client key>, time]`: one entry of the per-client time index. */
export type ClientTime = [ref: string, at: number];

export interface WithClientTimes {
  at: number;
  clientRefs: readonly string[];
  clientTimes?: ClientTime[];
}

export function clientTimesOf(message: { at: number; clientRefs: readonly string[] }): ClientTime[] {
  return message.clientRefs.map((ref): ClientTime => [ref, message.at]);
}

function withClientTimes<T extends WithClientTimes>(message: T): T {
  return { ...message, clientTimes: clientTimesOf(message) };
}

function deriving(request: DBCoreMutateRequest): DBCoreMutateRequest {
  if (request.type !== 'add' && request.type !== 'put') return request;
  return { ...request, values: request.values.map(withClientTimes) };
}

/** Derives every written message's `clientTimes` from its `clientRefs` and `at`. */
export const clientTimesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'client-times',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'messages') return table;
      return { ...table, mutate: (request) => table.mutate(deriving(request)) };
    },
  }),
};
