import browser from 'webextension-polyfill';

/** Back to where the pupil was; a tab that started on the blocked page is closed instead. */
export async function goBack(): Promise<void> {
  if (history.length > 1) {
    history.back();
    return;
  }
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}
