// Starting a lesson: a name, its sites, focus or add, and how long. The hub checks every site
// and its answer (for example which sites are wrong, by line) is shown as it is.
import { useSignal } from '@preact/signals';
import type { Lesson } from '../../shared/lesson';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import type { ClassSummary } from './classes';
import { requestFocus, useFocusTarget } from './focus';
import { LessonSettings } from './lesson-settings';
import { startLesson } from './lessons';
import { ErrorText } from './messages';
import { track, type Notice } from './session';
import { siteLines, SitePicker } from './site-picker';
import { t } from './strings';
import { TextField } from './text-field';

interface Props {
  summary: ClassSummary;
  onNotice: (notice: Notice | null) => void;
}

export function LessonBuilder({ summary, onNotice }: Props) {
  const name = useSignal('');
  const sites = useSignal('');
  const mode = useSignal<Lesson['mode']>('focus');
  const minutes = useSignal(45);
  const error = useSignal<string | null>(null);
  const heading = useFocusTarget<HTMLHeadingElement>('builder-heading');

  async function start() {
    onNotice(null);
    const lines = siteLines(sites.value);
    error.value = !name.value.trim()
      ? t('builder_name_empty')
      : lines.length === 0
        ? t('builder_sites_empty')
        : null;
    if (error.value) return;
    // Blank lines go, so the hub's "sites item 3" is line 3 of what the teacher sees.
    sites.value = lines.join('\n');
    try {
      await track(() =>
        startLesson(summary.id, {
          name: name.value.trim(),
          mode: mode.value,
          sites: lines,
          minutes: minutes.value,
        }),
      );
      requestFocus('running-heading');
      onNotice({ text: t('lesson_started'), tone: 'status' });
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <section class="card lesson-builder" aria-labelledby="builder-heading">
      <h3 id="builder-heading" ref={heading} tabIndex={-1}>
        {t('builder_heading')}
      </h3>
      <BusyForm onSubmit={start} labelledBy="builder-heading">
        <TextField id="lesson-name" label={t('builder_name')} value={name} maxLength={120} />
        <SitePicker text={sites} keyStage={summary.keyStage} />
        <LessonSettings mode={mode} minutes={minutes} />
        <ErrorText message={error.value} />
        <ActionButton type="submit" variant="primary">
          {t('builder_start')}
        </ActionButton>
      </BusyForm>
    </section>
  );
}
