// Which messages are the first with their id, and each thread's number. A
// large account has hundreds of thousands of ids, and a Set or Map of strings
// costs several times what this table does: it grows and rehashes as it fills
// and leaves its old tables as garbage, while this one is sized once for the
// whole mailbox and holds only numbers (FNV-1a hashes, and each id's place in
// the list of ids kept).

const EMPTY = -1;

/** Returns a test that is true the first time it is given an id, false for each repeat. */
export function distinctIds(expected: number): (id: string) => boolean {
  const numberOf = idNumbers(expected);
  let count = 0;
  return (id) => {
    if (numberOf(id) !== count) return false;
    count += 1;
    return true;
  };
}

/** Returns each id's number: 0 for the first id given, 1 for the next new one, and so on; a repeat gets its id's. */
export function idNumbers(expected: number): (id: string) => number {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  // Each slot is two numbers side by side, the id's place and its hash: a
  // probe then reads one place in memory rather than one in each of two tables.
  let table = emptyTable(capacity);
  // Sized once too: grown by a push at a time, a list of hundreds of thousands is copied again and again.
  const kept: string[] = new Array(expected);
  let size = 0;

  const place = (hash: number, index: number) => {
    const mask = table.length / 2 - 1;
    let slot = hash & mask;
    while (table[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
    table[2 * slot] = index;
    table[2 * slot + 1] = hash;
  };
  const grow = () => {
    const old = table;
    table = emptyTable(old.length);
    for (let at = 0; at < old.length; at += 2) {
      const index = old[at] as number;
      if (index !== EMPTY) place(old[at + 1] as number, index);
    }
  };

  return (id) => {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    const mask = table.length / 2 - 1;
    for (let slot = hash & mask; table[2 * slot] !== EMPTY; slot = (slot + 1) & mask) {
      const index = table[2 * slot] as number;
      if (table[2 * slot + 1] === hash && kept[index] === id) return index;
    }
    if ((size + 1) * 4 > table.length) grow();
    place(hash, size);
    kept[size] = id;
    size += 1;
    return size - 1;
  };
}

/** A table of `slots` empty slots. */
const emptyTable = (slots: number) => new Int32Array(slots * 2).fill(EMPTY);
