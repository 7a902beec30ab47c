// Disjoint sets of messages and ids (union-find, union by size, path halving)
// whose roots carry their thread's name, all in typed arrays: a node costs
// about 25 bytes whatever its ids look like.
//
// A thread is named when its first message arrives: after Gmail's thread id
// when it has one, else after that message. When two named threads turn out to
// be one, Gmail's name wins, else the older name; if the losing name was
// already handed out, a move from it to the winner is recorded so that what
// was stored under it can follow.

import { hexOfPair } from './streaming-hash';

export interface ThreadMove {
  /** A thread id already handed out that turned out to be part of another thread. */
  from: string;
  to: string;
}

const UNNAMED = 0;
/** `t:<hash>`: a thread found by the import; its name can move. */
const LOCAL = 1;
/** Gmail's decimal thread id: shared with Gmail's own messages, so it never moves. */
const GMAIL = 2;

export class ThreadForest {
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private handedOut = new Uint8Array(1024);
  private nameHigh = new Uint32Array(1024);
  private nameLow = new Uint32Array(1024);
  private nameOrder = new Int32Array(1024);
  private count = 0;
  private named = 0;
  private moves: ThreadMove[] = [];

  /** A new node, in a set of its own. */
  add(): number {
    if (this.count === this.parent.length) this.grow();
    const node = this.count++;
    this.parent[node] = node;
    this.size[node] = 1;
    return node;
  }

  find(node: number): number {
    let at = node;
    for (;;) {
      const up = this.parent[at] as number;
      if (up === at) return at;
      const grand = this.parent[up] as number;
      this.parent[at] = grand;
      at = grand;
    }
  }

  isNamed(node: number): boolean {
    return this.kind[this.find(node)] !== UNNAMED;
  }

  /** Names an unnamed set after a hash of its first message. */
  nameLocal(node: number, [high, low]: [number, number]): void {
    this.setName(this.find(node), LOCAL, high, low);
  }

  /** Names a set after Gmail's decimal thread id; false when the id is not a 64-bit number. */
  nameGmail(node: number, decimal: string): boolean {
    const value = BigInt(decimal);
    if (value >= 1n << 64n) return false;
    this.setName(this.find(node), GMAIL, Number(value >> 32n), Number(value & 0xffffffffn));
    return true;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    const winner = this.betterName(rootA, rootB);
    const loser = winner === rootA ? rootB : rootA;
    let handedOut = this.handedOut[winner] === 1;
    if (this.kind[loser] === LOCAL && this.handedOut[loser] === 1) {
      this.moves.push({ from: this.nameOf(loser), to: this.nameOf(winner) });
      handedOut = true;
    }
    const [big, small] = (this.size[rootA] as number) >= (this.size[rootB] as number) ? [rootA, rootB] : [rootB, rootA];
    this.parent[small] = big;
    this.size[big] = (this.size[big] as number) + (this.size[small] as number);
    if (winner !== big) {
      this.kind[big] = this.kind[winner] as number;
      this.nameHigh[big] = this.nameHigh[winner] as number;
      this.nameLow[big] = this.nameLow[winner] as number;
      this.nameOrder[big] = this.nameOrder[winner] as number;
    }
    this.handedOut[big] = handedOut ? 1 : 0;
  }

  /** The thread id of the node's set, from now on reported in moves should the set lose its name. */
  handOut(node: number): string {
    const root = this.find(node);
    this.handedOut[root] = 1;
    return this.nameOf(root);
  }

  get pendingMoves(): number {
    return this.moves.length;
  }

  /** The moves recorded since the last call, oldest first. */
  takeMoves(): ThreadMove[] {
    const moves = this.moves;
    this.moves = [];
    return moves;
  }

  private betterName(a: number, b: number): number {
    const kindA = this.kind[a] as number;
    const kindB = this.kind[b] as number;
    if (kindA !== kindB) return kindA > kindB ? a : b;
    return (this.nameOrder[a] as number) <= (this.nameOrder[b] as number) ? a : b;
  }

  private setName(root: number, kind: number, high: number, low: number): void {
    this.kind[root] = kind;
    this.nameHigh[root] = high;
    this.nameLow[root] = low;
    this.nameOrder[root] = this.named++;
  }

  private nameOf(root: number): string {
    const high = this.nameHigh[root] as number;
    const low = this.nameLow[root] as number;
    if (this.kind[root] === GMAIL) return ((BigInt(high) << 32n) | BigInt(low)).toString();
    if (this.kind[root] === LOCAL) return `t:${hexOfPair(high, low)}`;
    throw new Error('a thread was handed out before it was named');
  }

  private grow(): void {
    const size = this.parent.length * 2;
    const widen = <T extends Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.parent = widen(this.parent, new Int32Array(size));
    this.size = widen(this.size, new Int32Array(size));
    this.kind = widen(this.kind, new Uint8Array(size));
    this.handedOut = widen(this.handedOut, new Uint8Array(size));
    this.nameHigh = widen(this.nameHigh, new Uint32Array(size));
    this.nameLow = widen(this.nameLow, new Uint32Array(size));
    this.nameOrder = widen(this.nameOrder, new Int32Array(size));
  }
}
