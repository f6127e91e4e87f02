// The class's running lesson: its name, mode, sites and end time, and End lesson.
import type { Lesson } from '../../shared/lesson';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { requestFocus, useFocusTarget } from './focus';
import { formatTime } from './format';
import { endLesson } from './lessons';
import { useLessonEnd } from './lesson-timer';
import { track, type Notice } from './session';
import { t } from './strings';

interface Props {
  lesson: Lesson;
  classId: number;
  onNotice: (notice: Notice | null) => void;
}

export function RunningLesson({ lesson, classId, onNotice }: Props) {
  const heading = useFocusTarget<HTMLHeadingElement>('running-heading');
  useLessonEnd(lesson);

  async function end() {
    onNotice(null);
    try {
      await track(() => endLesson(classId, lesson.id));
      requestFocus('builder-heading');
      onNotice({ text: t('lesson_ended'), tone: 'status' });
    } catch (error) {
      onNotice({ text: errorText(error), tone: 'alert' });
    }
  }

  return (
    <section class="card running-lesson" aria-labelledby="running-heading">
      <h3 id="running-heading" ref={heading} tabIndex={-1}>
        {t('lesson_heading', { name: lesson.name })}
      </h3>
      <dl class="lesson-facts">
        <dt>{t('lesson_mode')}</dt>
        <dd>{t(lesson.mode === 'focus' ? 'lesson_mode_focus' : 'lesson_mode_add')}</dd>
        <dt>{t('lesson_ends')}</dt>
        <dd>
          <time dateTime={lesson.endsAt}>{formatTime(lesson.endsAt)}</time>
        </dd>
        <dt>{t('lesson_sites')}</dt>
        <dd>
          <ul class="site-list">
            {lesson.sites.map((site) => (
              <li key={site}>{site}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <ActionButton variant="danger" onPress={() => void end()}>
        {t('lesson_end')}
      </ActionButton>
    </section>
  );
}
