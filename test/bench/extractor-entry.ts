// Bundled into a page by the extraction benchmark: the same extractor modules
// the Gmail content script runs.
import { extractConversation } from '@/lib/sites/gmail/conversation';
import { extractThreadList } from '@/lib/sites/gmail/thread-rows';

Object.assign(globalThis, { keepwarmBench: { extractThreadList, extractConversation } });
