// KS2 (ages 7 to 11): what is recorded and why, in short plain sentences.
import { t } from '../ui/i18n';
import { NoticeItem } from './notice-item';
import type { NoticeFacts } from './privacy-page';

/** `facts` is null when the worker couldn't be asked: the school's choices are then left open. */
export function Ks2Notice({ facts }: { facts: NoticeFacts | null }) {
  const days = String(facts?.deviceRecordDays ?? '');
  const kept = !facts
    ? t('privacy_kept_unknown')
    : facts.hub
      ? t('privacy_kept_hub', days)
      : t('privacy_kept_device', days);
  const screen = !facts
    ? t('privacy_screen_unknown')
    : facts.screenshots
      ? t('privacy_not_screen_except_flag')
      : t('privacy_not_screen');
  return (
    <main class="page ks2">
      <h1>{t('privacy_title')}</h1>
      <p class="intro">{t('privacy_intro')}</p>

      <h2>{t('privacy_recorded_heading')}</h2>
      <ul class="items">
        <NoticeItem icon="blocked" title={t('privacy_blocked_title')}>
          <p>{t('privacy_blocked_text')}</p>
        </NoticeItem>
        <NoticeItem icon="flag" title={t('privacy_flag_title')}>
          <p>{t('privacy_flag_text')}</p>
          {facts?.screenshots ? <p>{t('privacy_flag_screenshot')}</p> : null}
        </NoticeItem>
        <NoticeItem icon="prompts" title={t('privacy_prompts_title')}>
          <p>{t('privacy_prompts_text')}</p>
        </NoticeItem>
        <NoticeItem icon="ask" title={t('privacy_ask_title')}>
          <p>{t('privacy_ask_text')}</p>
        </NoticeItem>
        <NoticeItem icon="words" title={t('privacy_words_title')}>
          <p>{t('privacy_words_text')}</p>
        </NoticeItem>
      </ul>

      <h2>{t('privacy_why_heading')}</h2>
      <p>{t('privacy_why_text')}</p>

      <h2>{t('privacy_who_heading')}</h2>
      <ul class="items">
        <NoticeItem icon="teacher">
          <p>{t('privacy_who_text')}</p>
        </NoticeItem>
      </ul>

      <h2>{t('privacy_kept_heading')}</h2>
      <ul class="items">
        <NoticeItem icon="deleted">
          <p>{kept}</p>
        </NoticeItem>
      </ul>

      <h2>{t('privacy_not_heading')}</h2>
      <ul class="items">
        <NoticeItem icon="typing">
          <p>{t('privacy_not_typed')}</p>
        </NoticeItem>
        <NoticeItem icon={facts?.screenshots ? 'camera' : 'noCamera'}>
          <p>{screen}</p>
        </NoticeItem>
      </ul>

      <p class="help">{t('privacy_questions')}</p>
    </main>
  );
}
