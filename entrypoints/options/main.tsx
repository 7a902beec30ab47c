import { mountPage } from '@/lib/ui/mount';
import { OptionsPage } from './options-page';
import { OPTIONS_SECTIONS } from './sections';

mountPage(<OptionsPage sections={OPTIONS_SECTIONS} />);
