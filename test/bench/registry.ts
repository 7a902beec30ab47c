import type { Benchmark } from './benchmark';
import { bundleSize } from './bundle-size';
import { gmailExtraction } from './gmail-extraction';
import { riskQuality } from './risk-quality';

export const benchmarks: Benchmark[] = [bundleSize, gmailExtraction, riskQuality];
