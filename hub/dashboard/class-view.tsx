// One class, live: how its view reaches the page, the lesson (running, or the builder), its
// pupils, and what the prompts and the download guard recorded for them.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { runningLesson } from '../../shared/lesson';
import type { ClassSummary } from './classes';
import { useFocusTarget } from './focus';
import { LessonBuilder } from './lesson-builder';
import { live, liveError, liveVia, watchLive, type LiveVia } from './live-feed';
import { ErrorText, NoticeText } from './messages';
import { PupilEventsPanel } from './pupil-events-panel';
import { PupilTable } from './pupil-table';
import { RequestInbox } from './request-inbox';
import { RunningLesson } from './running-lesson';
import type { Notice } from './session';
import { t, type StringKey } from './strings';

const VIA_KEYS: Record<LiveVia, StringKey> = {
  connecting: 'live_connecting',
  socket: 'live_socket',
  polling: 'live_polling',
};

export function ClassView({ summary }: { summary: ClassSummary }) {
  const notice = useSignal<Notice | null>(null);
  const heading = useFocusTarget<HTMLHeadingElement>('class-heading');
  useEffect(() => watchLive(summary.id), [summary.id]);

  const view = live.value;
  const lesson = runningLesson(view?.lesson ?? null, new Date());
  const setNotice = (next: Notice | null) => (notice.value = next);
  return (
    <>
      <div class="class-head">
        <h2 id="class-heading" ref={heading} tabIndex={-1}>
          {summary.name}
        </h2>
        <p class={`live-via via-${liveVia.value}`}>
          <span class="dot" aria-hidden="true" />
          {t(VIA_KEYS[liveVia.value])}
        </p>
      </div>
      <NoticeText notice={notice.value} />
      <ErrorText message={liveError.value} />
      {view === null ? (
        liveError.value ? null : (
          <p>{t('loading')}</p>
        )
      ) : (
        <>
          {lesson ? (
            <RunningLesson lesson={lesson} classId={summary.id} onNotice={setNotice} />
          ) : (
            <LessonBuilder summary={summary} onNotice={setNotice} />
          )}
          <RequestInbox
            classId={summary.id}
            keyStage={summary.keyStage}
            lessonRunning={lesson !== null}
          />
          <section class="card" aria-labelledby="pupils-heading">
            <h3 id="pupils-heading">{t('pupils_heading')}</h3>
            <p class="hint">{t('pupils_key')}</p>
            {lesson ? <p class="hint">{t('protection_key')}</p> : null}
            <PupilTable view={view} className={summary.name} />
          </section>
          <PupilEventsPanel classId={summary.id} />
        </>
      )}
    </>
  );
}
