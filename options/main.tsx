import { render } from 'preact';
import { App } from './app';
import { t } from './i18n';

document.title = t('options_page_title');
render(<App />, document.getElementById('app') as HTMLElement);
