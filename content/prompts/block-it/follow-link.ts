// Goes where an approved link would have gone, after Block It held the click to ask. A new tab
// when the pupil asked for one (middle click, Ctrl/⌘/Shift-click); otherwise the link's own
// click, so its target, `download` and the page's own handling all apply as they would have.

export function followLink(link: HTMLAnchorElement | HTMLAreaElement, newTab: boolean): void {
  if (newTab) {
    window.open(link.href, '_blank', 'noopener');
    return;
  }
  // Block It listens only to clicks a person made, so this one passes it by. It comes within
  // the pupil's own click's user activation, so a target="_blank" link still opens its tab.
  if (link.isConnected) {
    link.click();
    return;
  }
  // The page took the link away while we asked: go where it pointed.
  window.location.assign(link.href);
}
