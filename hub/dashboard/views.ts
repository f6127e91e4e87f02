// Which page of the dashboard is showing, kept in the address so a reload or the back button
// keeps it: a class (#class=3, see classes.ts), the incident log (#incidents) and its printable
// summary (#summary), the change log (#changes) or school admin (#admin). Anything else is the
// class page.
import { signal } from '@preact/signals';

export type View = 'classes' | 'incidents' | 'summary' | 'changes' | 'admin';

const HASH_VIEWS: Record<string, View> = {
  '#incidents': 'incidents',
  '#summary': 'summary',
  '#changes': 'changes',
  '#admin': 'admin',
};

const viewFromHash = (): View => HASH_VIEWS[location.hash] ?? 'classes';

export const view = signal<View>(viewFromHash());
window.addEventListener('hashchange', () => (view.value = viewFromHash()));

export const VIEW_HASHES: Record<View, string> = {
  classes: '#classes',
  incidents: '#incidents',
  summary: '#summary',
  changes: '#changes',
  admin: '#admin',
};
