// Asks the worker for the school's choices that change what the page says, then shows the
// notice for the pupil's key stage. Until the answer comes the page is empty, never wrong.
import { useEffect, useState } from 'preact/hooks';
import type { MessageResponse } from '../../shared/messages';
import { t } from '../ui/i18n';
import { send } from '../ui/messenger';
import { Ks1Notice } from './ks1-notice';
import { Ks2Notice } from './ks2-notice';

export type NoticeFacts = MessageResponse<'pupil.privacyNotice'>;

/**
 * Without the worker's answer the page still tells the truth: the fuller KS2 words, with the
 * screenshot and keeping details the device couldn't confirm left to the teacher to say.
 */
const UNKNOWN = 'unknown' as const;

export function PrivacyPage() {
  const [facts, setFacts] = useState<NoticeFacts | typeof UNKNOWN | null>(null);
  useEffect(() => {
    send('pupil.privacyNotice', {}).then(setFacts, () => setFacts(UNKNOWN));
  }, []);
  const ks1 = facts !== null && facts !== UNKNOWN && facts.keyStage === 'ks1';
  useEffect(() => {
    if (facts !== null) document.title = t(ks1 ? 'privacy_ks1_title' : 'privacy_title');
  }, [facts, ks1]);
  if (facts === null) return null;
  if (facts === UNKNOWN) return <Ks2Notice facts={null} />;
  return ks1 ? <Ks1Notice facts={facts} /> : <Ks2Notice facts={facts} />;
}
