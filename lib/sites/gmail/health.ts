import type { Health } from './records';

// Below this share of fully read records the page is treated as changed: the
// product then says "data may be incomplete" instead of drawing badges.
const HEALTHY_SHARE = 0.9;

export class HealthCounter {
  private seen = 0;
  private parsed = 0;
  private readonly failures: Record<string, number> = {};
  private readonly missing = new Set<string>();

  record(failedFields: string[]): void {
    this.seen += 1;
    if (failedFields.length === 0) this.parsed += 1;
    for (const field of failedFields) this.failures[field] = (this.failures[field] ?? 0) + 1;
  }

  missingSelector(name: string): void {
    this.missing.add(name);
  }

  report(): Health {
    const share = this.seen === 0 ? 1 : this.parsed / this.seen;
    return {
      seen: this.seen,
      parsed: this.parsed,
      failures: { ...this.failures },
      missing: [...this.missing],
      healthy: this.missing.size === 0 && share >= HEALTHY_SHARE,
    };
  }
}
