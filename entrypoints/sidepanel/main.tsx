import { OverviewApp } from '@/components/overview-app';
import { mountPage } from '@/lib/ui/mount';

mountPage(<OverviewApp />);
