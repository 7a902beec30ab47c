import { SidePanelApp } from '@/components/side-panel-app';
import { mountPage } from '@/lib/ui/mount';

mountPage(<SidePanelApp />);
