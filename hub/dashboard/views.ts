// Which page of the dashboard is showing, kept in the address so a reload or the back button
// keeps it: a class (#class=3, see classes.ts), the change log (#changes) or school admin
// (#admin). Anything else is the class page.
import { signal } from '@preact/signals';

export type View = 'classes' | 'changes' | 'admin';

const viewFromHash = (): View =>
  location.hash === '#changes' ? 'changes' : location.hash === '#admin' ? 'admin' : 'classes';

export const view = signal<View>(viewFromHash());
window.addEventListener('hashchange', () => (view.value = viewFromHash()));

export const VIEW_HASHES: Record<View, string> = {
  classes: '#classes',
  changes: '#changes',
  admin: '#admin',
};
