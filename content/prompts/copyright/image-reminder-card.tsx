// "Pictures belong to the person who made them. Ask before you use one, and say where it came
// from." A short corner note with one button.
import { text } from '../locale-text';
import { PromptCard } from '../prompt-card';
import type { ViewBase } from '../prompt-views';
import { OK_ICON, PICTURE_ICON } from './copyright-icons';
import type { CopyrightViews } from './copyright-views';

export function ImageReminderCard(props: CopyrightViews['copyright-image'] & ViewBase) {
  return (
    <PromptCard
      tone="copyright"
      keyStage={props.keyStage}
      picture={PICTURE_ICON}
      title={text('copyright_image_title')}
      text={text('copyright_image_text')}
      failed={text('copyright_failed')}
      actions={[
        { label: text('copyright_ok'), icon: OK_ICON, style: 'safe', onPress: props.close },
      ]}
    />
  );
}
