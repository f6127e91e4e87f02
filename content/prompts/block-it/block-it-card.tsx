// The "Block it!" card, shown before a link in a message (or an attachment) takes the pupil to
// a site the school hasn't approved. The safe choice, "Stay here", takes focus; "Flag It" tells
// the teacher. KS1 gets the picture and a few words; KS2 gets why.
import type { KeyStage } from '../../../shared/policy-model';
import { text } from '../locale-text';
import { PromptCard } from '../prompt-card';
import type { ViewBase } from '../prompt-views';
import { FLAG_ICON, STAY_ICON, STOP_ICON } from './block-it-icons';
import type { BlockItKind, BlockItViews } from './block-it-views';

/** The card's title and words (literal keys, so the locale test sees every one). */
function words(kind: BlockItKind, keyStage: KeyStage) {
  if (keyStage === 'ks1') {
    return {
      title:
        kind === 'link' ? text('ks1_block_it_link_title') : text('ks1_block_it_attachment_title'),
      text: text('ks1_block_it_text'),
    };
  }
  return kind === 'link'
    ? { title: text('ks2_block_it_link_title'), text: text('ks2_block_it_link_text') }
    : { title: text('ks2_block_it_attachment_title'), text: text('ks2_block_it_attachment_text') };
}

export function BlockItCard(props: BlockItViews['block-it'] & ViewBase) {
  const shown = words(props.kind, props.keyStage);
  return (
    <PromptCard
      tone="block-it"
      keyStage={props.keyStage}
      picture={STOP_ICON}
      title={shown.title}
      text={shown.text}
      failed={text('flag_failed')}
      actions={[
        { label: text('block_it_stay'), icon: STAY_ICON, style: 'safe', onPress: props.close },
        { label: text('flag_it'), icon: FLAG_ICON, style: 'flag', onPress: props.onFlag },
      ]}
    >
      <p class="note">{text('block_it_goes_to', props.targetHost)}</p>
    </PromptCard>
  );
}
