// The classes this user may open, as links (#class=3): a teacher's own classes, or every class
// for the DSL and the admin.
import { classes, classesError, loadClasses, openClass, type ClassSummary } from './classes';
import { useFocusTarget } from './focus';
import { ActionButton } from './action-button';
import { requestFocus } from './focus';
import { ErrorText } from './messages';
import { track } from './session';
import { t } from './strings';

function summary(item: ClassSummary): string {
  return t('class_summary', {
    keyStage: t(item.keyStage === 'ks1' ? 'key_stage_ks1' : 'key_stage_ks2'),
    count: item.pupilCount,
    teacher: item.teacher.name,
  });
}

export function ClassPicker({ seesAll }: { seesAll: boolean }) {
  const list = classes.value;
  const open = openClass.value;
  const heading = useFocusTarget<HTMLHeadingElement>('classes-heading');
  return (
    <nav class="classes" aria-labelledby="classes-heading">
      <h2 id="classes-heading" ref={heading} tabIndex={-1}>
        {t(seesAll ? 'classes_heading_all' : 'classes_heading_own')}
      </h2>
      <ErrorText message={classesError.value} />
      {classesError.value ? (
        <ActionButton onPress={() => void track(loadClasses)}>{t('try_again')}</ActionButton>
      ) : null}
      {list === null && !classesError.value ? <p>{t('loading')}</p> : null}
      {list?.length === 0 ? <p>{t('classes_none')}</p> : null}
      <ul>
        {(list ?? []).map((item) => (
          <li key={item.id}>
            <a
              href={`#class=${item.id}`}
              aria-current={open?.id === item.id ? 'page' : undefined}
              onClick={() => requestFocus('class-heading')}
            >
              <span class="class-name">{item.name}</span>
              <span class="class-summary">{summary(item)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
