// "Remember to say where you found it", with a ready-made citation in a read-only box and a
// button that copies it. Where the page can't write to the clipboard (an http page, a refused
// permission) the citation is selected instead, for the pupil to copy themselves.
import { useRef, useState } from 'preact/hooks';
import { text } from '../locale-text';
import { PromptCard } from '../prompt-card';
import type { ViewBase } from '../prompt-views';
import { BOOK_ICON, COPY_ICON, OK_ICON } from './copyright-icons';
import type { CopyrightViews } from './copyright-views';
import { citationFor } from './page-citation';

export function CitationCard(props: CopyrightViews['copyright-citation'] & ViewBase) {
  // Read from the page as the card first draws: its title and address as they are now.
  const [citation] = useState(() => citationFor(document, new Date()));
  const box = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(citation);
      setStatus(text('copyright_citation_copied'));
      props.onCopied();
    } catch {
      box.current?.focus();
      box.current?.select();
      setStatus(text('copyright_citation_selected'));
    }
  };
  return (
    <PromptCard
      tone="copyright"
      keyStage={props.keyStage}
      picture={BOOK_ICON}
      title={text('copyright_copy_title')}
      text={
        props.keyStage === 'ks1' ? text('ks1_copyright_copy_text') : text('ks2_copyright_copy_text')
      }
      failed={text('copyright_failed')}
      actions={[
        { label: text('copyright_copy_citation'), icon: COPY_ICON, style: 'safe', onPress: copy },
        { label: text('copyright_ok'), icon: OK_ICON, style: 'other', onPress: props.close },
      ]}
    >
      <label class="note" for="safe-class-citation">
        {text('copyright_citation_label')}
      </label>
      <textarea id="safe-class-citation" class="citation" readOnly rows={4} value={citation} />
      <p class="note" role="status">
        {status}
      </p>
    </PromptCard>
  );
}
