// How the lesson's sites apply (focus or add) and how long it lasts.
import type { Signal } from '@preact/signals';
import type { Lesson } from '../../shared/lesson';
import { t } from './strings';

export const LESSON_MINUTES = [15, 30, 45, 60, 90] as const;

interface Props {
  mode: Signal<Lesson['mode']>;
  minutes: Signal<number>;
}

function ModeRadio({
  mode,
  value,
  label,
}: {
  mode: Props['mode'];
  value: Lesson['mode'];
  label: string;
}) {
  return (
    <label class="radio">
      <input
        type="radio"
        name="lesson-mode"
        value={value}
        checked={mode.value === value}
        onChange={() => (mode.value = value)}
      />
      {label}
    </label>
  );
}

export function LessonSettings({ mode, minutes }: Props) {
  return (
    <>
      <fieldset>
        <legend>{t('builder_mode')}</legend>
        <div class="radios">
          <ModeRadio mode={mode} value="focus" label={t('builder_mode_focus')} />
          <ModeRadio mode={mode} value="add" label={t('builder_mode_add')} />
        </div>
      </fieldset>
      <div class="field">
        <label for="lesson-minutes">{t('builder_minutes')}</label>
        <select
          id="lesson-minutes"
          value={String(minutes.value)}
          onChange={(event) => (minutes.value = Number(event.currentTarget.value))}
        >
          {LESSON_MINUTES.map((value) => (
            <option key={value} value={String(value)}>
              {t('builder_minutes_option', { minutes: value })}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
