import { render } from 'preact';
import { PrivacyPage } from './privacy-page';

render(<PrivacyPage />, document.getElementById('app') as HTMLElement);
