// Small status icons, drawn with SVG elements (no markup strings). They repeat what the text
// next to them says, so they are hidden from screen readers.
import type { PupilLive } from '../../shared/teacher-socket-protocol';

const PATHS: Record<PupilLive['status'], string> = {
  // A shield with a tick: the device has the rules in place.
  enforcing:
    'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm-1.2 14.2-4-4 1.4-1.4 2.6 2.6 5.4-5.4 1.4 1.4-6.8 6.8Z',
  // An hourglass: waiting for the device.
  pending:
    'M6 2h12v2h-1v3.6L13.4 12l3.6 4.4V20h1v2H6v-2h1v-3.6l3.6-4.4L7 7.6V4H6V2Zm3 2v2.9L12 10.6l3-3.7V4H9Z',
  // A circle with a line through it: not connected.
  offline:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 0 1 6.3 12.9L7.1 5.7A8 8 0 0 1 12 4ZM4 12c0-1.8.6-3.5 1.7-4.9l11.2 11.2A8 8 0 0 1 4 12Z',
};

/** One 24×24 path in the text's colour; `evenOdd` cuts inner shapes out (a cross from a shield). */
export function PathIcon({ path, evenOdd = false }: { path: string; evenOdd?: boolean }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} fill="currentColor" fill-rule={evenOdd ? 'evenodd' : undefined} />
    </svg>
  );
}

export function StatusIcon({ status }: { status: PupilLive['status'] }) {
  return <PathIcon path={PATHS[status]} />;
}
