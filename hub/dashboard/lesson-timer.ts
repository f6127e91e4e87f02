// A lesson ends on its own clock: when its end time passes, the live view is read again so the
// page shows no lesson (and the builder) without waiting for anyone to press End.
import { useEffect } from 'preact/hooks';
import type { Lesson } from '../../shared/lesson';
import { refreshLive } from './live-feed';

/** A second after the end, so the hub's clock has certainly passed it too. */
const MARGIN_MS = 1_000;

export function useLessonEnd(lesson: Lesson): void {
  useEffect(() => {
    const wait = Math.max(0, Date.parse(lesson.endsAt) - Date.now()) + MARGIN_MS;
    const timer = setTimeout(() => void refreshLive(), wait);
    return () => clearTimeout(timer);
  }, [lesson.endsAt]);
}
