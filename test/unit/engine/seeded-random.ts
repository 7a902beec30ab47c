// Seeded numbers for the risk model's tests, so their planted samples are the
// same on every run (a linear congruential generator: plenty for test data).

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A seeded stream of numbers in [0, 1). */
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}
