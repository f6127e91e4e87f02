// The update manifest Chromium reads from an extension's update_url (gupdate, protocol 2.0), as
// in "Self-host for Linux" on developer.chrome.com: one app, its latest version and where the CRX
// is. Chromium installs a force-installed extension from it and checks it again every few hours.

/** XML attribute text: the values are an id, a version and a validated URL, escaped anyway. */
function attribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export interface UpdateManifest {
  extensionId: string;
  version: string;
  /** Absolute URL of the CRX. */
  codebase: string;
}

export function updateManifestXml({ extensionId, version, codebase }: UpdateManifest): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${attribute(extensionId)}'>`,
    `    <updatecheck codebase='${attribute(codebase)}' version='${attribute(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
