// A host element's closed shadow root with the given styles: the page can neither read what is
// inside nor restyle it. Styles go in as a constructed sheet, which a page's
// Content-Security-Policy can't refuse; a browser that won't adopt one gets a style element.
export function attachClosedShadow(host: HTMLElement, css: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return root;
}
