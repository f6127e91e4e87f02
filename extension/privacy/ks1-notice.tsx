// KS1 (ages 5 to 7): a big picture and a few words for each thing, for a grown-up to read out.
import { t } from '../ui/i18n';
import { NoticeItem } from './notice-item';
import type { NoticeFacts } from './privacy-page';

export function Ks1Notice({ facts }: { facts: NoticeFacts }) {
  return (
    <main class="page ks1">
      <h1>{t('privacy_ks1_title')}</h1>
      <ul class="items">
        <NoticeItem icon="blocked">{t('privacy_ks1_blocked')}</NoticeItem>
        <NoticeItem icon="flag">{t('privacy_ks1_flag')}</NoticeItem>
        <NoticeItem icon="prompts">{t('privacy_ks1_prompts')}</NoticeItem>
        <NoticeItem icon="ask">{t('privacy_ks1_ask')}</NoticeItem>
        <NoticeItem icon="words">{t('privacy_ks1_words')}</NoticeItem>
      </ul>
      <h2>{t('privacy_ks1_about_heading')}</h2>
      <ul class="items">
        <NoticeItem icon="teacher">{t('privacy_ks1_who')}</NoticeItem>
        <NoticeItem icon="deleted">{t('privacy_ks1_kept')}</NoticeItem>
        <NoticeItem icon="typing">{t('privacy_ks1_not_typed')}</NoticeItem>
        {facts.screenshots ? (
          <NoticeItem icon="camera">{t('privacy_ks1_screen_flag')}</NoticeItem>
        ) : (
          <NoticeItem icon="noCamera">{t('privacy_ks1_no_screen')}</NoticeItem>
        )}
        <NoticeItem icon="help">{t('privacy_ks1_why')}</NoticeItem>
      </ul>
    </main>
  );
}
