import type { Benchmark } from './benchmark';
import { bundleSize } from './bundle-size';
import { gmailExtraction } from './gmail-extraction';

export const benchmarks: Benchmark[] = [bundleSize, gmailExtraction];
