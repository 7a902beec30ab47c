/** Disjoint sets over string keys, with path halving and union by size. */
export class UnionFind {
  private readonly index = new Map<string, number>();
  private readonly parent: number[] = [];
  private readonly size: number[] = [];

  find(key: string): number {
    let node = this.node(key);
    for (;;) {
      const up = this.parent[node] as number;
      if (up === node) return node;
      const grand = this.parent[up] as number;
      this.parent[node] = grand;
      node = grand;
    }
  }

  union(a: string, b: string): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if ((this.size[rootA] as number) < (this.size[rootB] as number)) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = (this.size[rootA] as number) + (this.size[rootB] as number);
  }

  private node(key: string): number {
    let node = this.index.get(key);
    if (node === undefined) {
      node = this.parent.length;
      this.index.set(key, node);
      this.parent.push(node);
      this.size.push(1);
    }
    return node;
  }
}
