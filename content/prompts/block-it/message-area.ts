// Whether a link sits in a message, comment or chat: inside one of the listed platform's known
// areas, or inside an element whose own markup says so (shared/message-links.ts decides). Read
// only when a pupil clicks a link that leaves the site, by walking up from the link; nothing is
// watched or measured before then.
import { marksMessageArea } from '../../../shared/message-links';
import type { MessagingPlatform } from '../../../shared/messaging-platforms';

/** Far enough for the deepest message markup seen (Gmail nests about 25 levels). */
const MAX_DEPTH = 40;

/** The element's parent, crossing out of an open shadow root as composed events do. */
function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

function marksOf(element: Element) {
  return {
    tag: element.localName,
    id: element.id,
    className: element.getAttribute('class') ?? '',
    role: element.getAttribute('role'),
    itemType: element.getAttribute('itemtype'),
    testId: element.getAttribute('data-testid'),
  };
}

export function inMessageArea(link: Element, platform: MessagingPlatform | null): boolean {
  const areas = platform?.areas.join(', ') ?? '';
  let element: Element | null = link;
  for (let depth = 0; element && depth < MAX_DEPTH; depth++) {
    if (element === document.body || element === document.documentElement) return false;
    if ((areas && element.matches(areas)) || marksMessageArea(marksOf(element))) return true;
    element = composedParent(element);
  }
  return false;
}
