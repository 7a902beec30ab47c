import type { Benchmark } from './benchmark';
import { bundleSize } from './bundle-size';

export const benchmarks: Benchmark[] = [bundleSize];
