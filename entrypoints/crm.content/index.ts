import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCrmContentScript } from '@/lib/content/crm';

// Registered at run time, on the hosts of the CRMs the user switched on, and
// injected once into a tab by the toolbar button: never listed in the manifest.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main: runCrmContentScript,
});
