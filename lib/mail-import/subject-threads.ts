// The threads an import found by subject, for messages with no thread id and
// no In-Reply-To or References: kept in typed arrays (about 60 bytes a thread),
// each with its forest node, the span of its messages' times, up to eight
// participants (hashed) and the older thread of the same subject.

export const SUBJECT_THREAD_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
// Enough to tell the owner and the other party apart from a mass mailing's list.
const MAX_PEOPLE = 8;

export class SubjectThreads {
  private nodes = new Int32Array(1024);
  private nextOf = new Int32Array(1024);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private people = new Uint32Array(1024 * MAX_PEOPLE);
  private peopleCount = new Uint8Array(1024);
  private count = 0;

  push(node: number, at: number, people: readonly number[], older: number): number {
    if (this.count === this.nodes.length) this.grow();
    const entry = this.count++;
    this.nodes[entry] = node;
    this.nextOf[entry] = older;
    this.first[entry] = at;
    this.last[entry] = at;
    this.peopleCount[entry] = 0;
    this.addPeople(entry, people);
    return entry;
  }

  node(entry: number): number {
    return this.nodes[entry] as number;
  }

  next(entry: number): number {
    return this.nextOf[entry] as number;
  }

  near(entry: number, at: number): boolean {
    return (
      at >= (this.first[entry] as number) - SUBJECT_THREAD_WINDOW_MS &&
      at <= (this.last[entry] as number) + SUBJECT_THREAD_WINDOW_MS
    );
  }

  widen(entry: number, at: number, people: readonly number[]): void {
    this.first[entry] = Math.min(this.first[entry] as number, at);
    this.last[entry] = Math.max(this.last[entry] as number, at);
    this.addPeople(entry, people);
  }

  // Within one person's mailbox the owner is in almost every message, so one
  // shared address proves nothing: two are needed (the owner and the other
  // party), unless a side has a single participant.
  sharesPeople(entry: number, people: readonly number[]): boolean {
    const count = this.peopleCount[entry] as number;
    const needed = Math.min(2, count, people.length);
    let shared = 0;
    for (const person of people) {
      if (this.has(entry, count, person) && ++shared >= needed) return true;
    }
    return false;
  }

  private has(entry: number, count: number, person: number): boolean {
    const start = entry * MAX_PEOPLE;
    for (let i = start; i < start + count; i++) if (this.people[i] === person) return true;
    return false;
  }

  private addPeople(entry: number, people: readonly number[]): void {
    let count = this.peopleCount[entry] as number;
    for (const person of people) {
      if (count >= MAX_PEOPLE) break;
      if (this.has(entry, count, person)) continue;
      this.people[entry * MAX_PEOPLE + count] = person;
      count++;
    }
    this.peopleCount[entry] = count;
  }

  private grow(): void {
    const size = this.nodes.length * 2;
    const widen = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.nodes = widen(this.nodes, new Int32Array(size));
    this.nextOf = widen(this.nextOf, new Int32Array(size));
    this.first = widen(this.first, new Float64Array(size));
    this.last = widen(this.last, new Float64Array(size));
    this.people = widen(this.people, new Uint32Array(size * MAX_PEOPLE));
    this.peopleCount = widen(this.peopleCount, new Uint8Array(size));
  }
}
