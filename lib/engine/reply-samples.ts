// A client's replies as matched (latency.ts), in columns rather than an object
// each: a large account's hundred thousand replies, four times in each, were
// half a million numbers on the heap for the garbage collector at every recompute.
import type { Side } from './conversation';

export interface ReplySamples {
  count: number;
  /** Who replied: 1 when the client answered us, 0 when we answered the client. */
  byClient: Uint8Array;
  repliedAt: Float64Array;
  /** Wall-clock time since the first message it answers. */
  wallMs: Float64Array;
  businessMs: Float64Array;
}

export function replySamples(room = 256): ReplySamples {
  return {
    count: 0,
    byClient: new Uint8Array(room),
    repliedAt: new Float64Array(room),
    wallMs: new Float64Array(room),
    businessMs: new Float64Array(room),
  };
}

function grown<T extends Uint8Array | Float64Array>(column: T, make: (room: number) => T): T {
  const larger = make(column.length * 2);
  larger.set(column);
  return larger;
}

export function addReply(
  samples: ReplySamples,
  byClient: number,
  repliedAt: number,
  wallMs: number,
  businessMs: number,
): void {
  const i = samples.count;
  if (i === samples.byClient.length) {
    samples.byClient = grown(samples.byClient, (room) => new Uint8Array(room));
    samples.repliedAt = grown(samples.repliedAt, (room) => new Float64Array(room));
    samples.wallMs = grown(samples.wallMs, (room) => new Float64Array(room));
    samples.businessMs = grown(samples.businessMs, (room) => new Float64Array(room));
  }
  samples.byClient[i] = byClient;
  samples.repliedAt[i] = repliedAt;
  samples.wallMs[i] = wallMs;
  samples.businessMs[i] = businessMs;
  samples.count = i + 1;
}

export const sideOf = (byClient: number | undefined): Side => (byClient === 1 ? 'in' : 'out');
