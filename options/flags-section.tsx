// Pupils' flags on this device. Without a classroom hub this is the only place a teacher learns
// of them. Titles, addresses and notes come from the web and from pupils, so they are only ever
// rendered as text; a screenshot, if the school switched them on, is never shown here.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { FlagReason, FlagSource } from '../shared/flag';
import { FLAG_COMMAND } from '../shared/flag-command';
import type { FlagView } from '../shared/flag-record';
import { formatTime } from './format';
import { t } from './i18n';

const REASON_KEYS: Record<FlagReason, string> = {
  upset: 'options_flag_reason_upset',
  unkind: 'options_flag_reason_unkind',
  contact: 'options_flag_reason_contact',
  other: 'options_flag_reason_other',
};

const SOURCE_KEYS: Record<FlagSource, string> = {
  popup: 'options_flag_source_popup',
  shortcut: 'options_flag_source_shortcut',
  'context-menu': 'options_flag_source_context_menu',
  'block-page': 'options_flag_source_block_page',
  prompt: 'options_flag_source_prompt',
};

/** The keys as this browser has them (a teacher may have changed them); null when none. */
function useShortcut() {
  const keys = useSignal<string | null | undefined>(undefined);
  useEffect(() => {
    browser.commands.getAll().then(
      (commands) => {
        keys.value = commands.find((command) => command.name === FLAG_COMMAND)?.shortcut || null;
      },
      () => (keys.value = null),
    );
  }, []);
  return keys.value;
}

function WhatHappened({ flag }: { flag: FlagView }) {
  return (
    <>
      {flag.reason ? t(REASON_KEYS[flag.reason]) : t('options_flag_reason_none')}
      {flag.note ? <p class="flag-note">{t('options_flag_note', flag.note)}</p> : null}
    </>
  );
}

export function FlagsSection({ flags }: { flags: readonly FlagView[] }) {
  const keys = useShortcut();
  return (
    <section class="card" aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('options_flags_heading')}</h2>
      <p>{t('options_flags_intro')}</p>
      {keys === undefined ? null : (
        <p>{keys ? t('options_flags_keys', keys) : t('options_flags_no_keys')}</p>
      )}
      {flags.length === 0 ? (
        <p>{t('options_flags_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('options_flags_caption', String(flags.length))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_column_flagged_at')}</th>
                <th scope="col">{t('options_column_page')}</th>
                <th scope="col">{t('options_column_what_happened')}</th>
                <th scope="col">{t('options_column_how')}</th>
                <th scope="col">{t('options_column_hub')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((flag) => (
                <tr key={flag.id}>
                  <th scope="row">
                    <time dateTime={flag.createdAt}>{formatTime(flag.createdAt)}</time>
                  </th>
                  <td>
                    <p class="flag-title">{flag.title || t('options_flag_untitled')}</p>
                    <p class="address">{flag.url || t('options_flag_no_address')}</p>
                  </td>
                  <td>
                    <WhatHappened flag={flag} />
                  </td>
                  <td>{t(SOURCE_KEYS[flag.source])}</td>
                  <td>
                    {flag.sentAt ? (
                      <>
                        {t('options_flag_sent')}{' '}
                        <time dateTime={flag.sentAt}>{formatTime(flag.sentAt)}</time>
                      </>
                    ) : (
                      <>
                        {t('options_flag_waiting')}
                        {flag.hasScreenshot ? ` (${t('options_flag_screenshot')})` : ''}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
