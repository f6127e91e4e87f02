// The school's staff, as the admin manages them: read to name a class's teacher, and added here.
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';

export type StaffMember = InferResponseType<typeof hub.api.users.$get>['users'][number];

export const staff = signal<StaffMember[] | null>(null);
export const staffError = signal<string | null>(null);

export async function loadStaff(): Promise<void> {
  try {
    staff.value = (await read(hub.api.users.$get())).users;
    staffError.value = null;
  } catch (error) {
    staffError.value = errorText(error);
  }
}
