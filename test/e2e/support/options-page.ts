// Driving the options page the way a teacher does.
import { expect, type Page } from '@playwright/test';

export async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options/index.html`);
}

/** Sets the device's first teacher PIN and waits until the page is unlocked. */
export async function setFirstPin(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set a teacher PIN' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByLabel('Confirm PIN').fill(pin);
  await page.getByRole('button', { name: 'Set PIN and unlock' }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}
