import { OptionsPage } from '@/components/options/options-page';
import { mountPage } from '@/lib/ui/mount';
import { OPTIONS_SECTIONS } from './sections';

mountPage(<OptionsPage sections={OPTIONS_SECTIONS} />);
