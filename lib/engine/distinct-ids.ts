// Which messages are the first with their id. A large account has hundreds of
// thousands of ids, and a Set of strings costs several times what this table
// does: the Set grows and rehashes as it fills and leaves its old tables as
// garbage, while this one is sized once for the whole mailbox and holds only
// numbers (FNV-1a hashes, and each id's place in the list of ids kept).

const EMPTY = -1;

/** Returns a test that is true the first time it is given an id, false for each repeat. */
export function distinctIds(expected: number): (id: string) => boolean {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  let slots = new Int32Array(capacity).fill(EMPTY);
  let hashes = new Int32Array(capacity);
  const kept: string[] = [];

  const place = (hash: number, index: number) => {
    let slot = hash & (slots.length - 1);
    while (slots[slot] !== EMPTY) slot = (slot + 1) & (slots.length - 1);
    slots[slot] = index;
    hashes[slot] = hash;
  };
  const grow = () => {
    const oldSlots = slots;
    const oldHashes = hashes;
    slots = new Int32Array(oldSlots.length * 2).fill(EMPTY);
    hashes = new Int32Array(oldSlots.length * 2);
    for (let slot = 0; slot < oldSlots.length; slot++) {
      const index = oldSlots[slot] as number;
      if (index !== EMPTY) place(oldHashes[slot] as number, index);
    }
  };

  return (id) => {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    const mask = slots.length - 1;
    for (let slot = hash & mask; slots[slot] !== EMPTY; slot = (slot + 1) & mask) {
      if (hashes[slot] === hash && kept[slots[slot] as number] === id) return false;
    }
    if ((kept.length + 1) * 2 > slots.length) grow();
    place(hash, kept.length);
    kept.push(id);
    return true;
  };
}
