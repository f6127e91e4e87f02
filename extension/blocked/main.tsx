import { render } from 'preact';
import { readBlockDetails } from './block-details';
import { Ks1Block } from './ks1-block';
import { Ks2Block } from './ks2-block';
import { t } from '../ui/i18n';

const details = readBlockDetails(window.location, window.top !== window);
document.title = t('block_page_title');
const root = document.getElementById('app') as HTMLElement;

if (details.inFrame) {
  // A blocked frame inside an allowed page: a quiet note in its place, nothing to press.
  render(
    <p class="frame-note">
      {t('frame_hidden')} <span class="address">{details.displayUrl}</span>
    </p>,
    root,
  );
} else if (details.keyStage === 'ks2') {
  render(<Ks2Block details={details} />, root);
} else {
  render(<Ks1Block details={details} />, root);
}
