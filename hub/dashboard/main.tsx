import './zod-config';
import { render } from 'preact';
import { App } from './app';
import { t } from './strings';

document.title = t('page_title');
render(<App />, document.getElementById('app') as HTMLElement);
