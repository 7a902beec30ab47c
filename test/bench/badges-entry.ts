// Bundled into a page by the badge benchmark: the same modules the Gmail
// content script runs for its badges, and the extractor it reads rows with.
import { rowBadgeSpots } from '@/lib/content/badge-spots';
import { RiskBadges } from '@/lib/content/risk-badges';
import { extractThreadRow } from '@/lib/sites/gmail/thread-rows';

Object.assign(globalThis, { keepwarmBadgesBench: { RiskBadges, rowBadgeSpots, extractThreadRow } });
