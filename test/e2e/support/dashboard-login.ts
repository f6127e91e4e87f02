// Logs a member of staff in to the hub's dashboard, as they would: the form, not the API.
import type { Page } from '@playwright/test';
import type { HubProcess } from './hub-process';

export async function logInToDashboard(
  page: Page,
  hub: Pick<HubProcess, 'url' | 'passwords'>,
  username: string,
): Promise<void> {
  await page.goto(hub.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(hub.passwords[username] ?? '');
  await page.getByRole('button', { name: 'Log in' }).click();
}
