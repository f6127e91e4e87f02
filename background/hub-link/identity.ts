// Who the pupil is: the Google account signed in to Chrome (on a school Chromebook, the managed
// account). Empty when nobody is signed in; the device then stays off the hub and keeps its
// own lists (fail closed). chrome.identity is wrapped here: the polyfill doesn't cover it.
import browser from 'webextension-polyfill';

export async function pupilEmail(): Promise<string> {
  // Test builds only (`vite build --mode test`): e2e tests can't sign a headless Chromium in to
  // Google, so they name the pupil in storage. The production build compiles this branch out.
  if (__TEST__) {
    const { testPupilEmail } = await browser.storage.local.get('testPupilEmail');
    if (typeof testPupilEmail === 'string') return testPupilEmail;
  }
  const info = await chrome.identity.getProfileUserInfo({
    accountStatus: chrome.identity.AccountStatus.ANY,
  });
  return info.email.trim().toLowerCase();
}
