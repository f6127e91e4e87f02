// The school's keyword list, for the DSL (and the admin): one keyword or phrase a line. Saving
// sends it to every pupil device at once; the change log keeps what changed and who changed it.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { formatTime } from './format';
import { keywordList, saveKeywords } from './incident-log';
import { ErrorText, NoticeText } from './messages';
import { track, type Notice } from './session';
import { t } from './strings';

export function KeywordEditor() {
  const text = useSignal('');
  const error = useSignal<string | null>(null);
  const notice = useSignal<Notice | null>(null);
  const list = keywordList.value;
  useEffect(() => {
    if (list) text.value = list.keywords.join('\n');
  }, [list]);

  async function save() {
    error.value = null;
    const keywords = text.value
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    try {
      await track(() => saveKeywords(keywords));
      notice.value = { text: t('keywords_saved', { count: keywords.length }), tone: 'status' };
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <section class="card" aria-labelledby="keywords-heading">
      <h3 id="keywords-heading">{t('keywords_heading')}</h3>
      <p class="hint">{t('keywords_intro')}</p>
      {list?.updatedBy && list.updatedAt ? (
        <p class="hint">
          {t('keywords_updated', { name: list.updatedBy })}{' '}
          <time dateTime={list.updatedAt}>{formatTime(list.updatedAt)}</time>
        </p>
      ) : null}
      <NoticeText notice={notice.value} />
      <BusyForm onSubmit={save} labelledBy="keywords-heading">
        <div class="field">
          <label for="keywords">{t('keywords_label')}</label>
          <textarea
            id="keywords"
            rows={8}
            value={text.value}
            onInput={(event) => (text.value = event.currentTarget.value)}
          />
        </div>
        <ErrorText message={error.value} />
        <ActionButton type="submit" variant="primary">
          {t('keywords_save')}
        </ActionButton>
      </BusyForm>
    </section>
  );
}
