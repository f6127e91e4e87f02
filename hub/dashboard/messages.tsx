// Messages for the person at the keyboard. An alert is announced as soon as it appears; a status
// region is always in the page (empty when there is nothing to say), so screen readers announce
// what is put into it later.
import type { Notice } from './session';

export function ErrorText({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}

export function NoticeText({ notice }: { notice: Notice | null }) {
  return (
    <>
      <p role="status" class="outcome">
        {notice?.tone === 'status' ? notice.text : ''}
      </p>
      <ErrorText message={notice?.tone === 'alert' ? notice.text : null} />
    </>
  );
}
