// What Zip It needs on this device, gathered for the prompts config: the school's name and its
// two Zip It lists from managed policy, and the pupil's full name from the classroom hub's last
// snapshot (while the school still names that hub). Nothing about a pupil's date of birth is
// ever known or kept here: a birth date is found only by how it is asked for and said.
import type { ZipItConfig } from '../../shared/zip-it/zip-it-config';
import type { ManagedFields } from '../../shared/managed-policy';
import { hubStateFor } from '../hub-link/hub-state';

export async function deviceZipItConfig(managed: ManagedFields): Promise<ZipItConfig> {
  const hub = await hubStateFor(managed);
  return {
    trustedSites: managed.zipItTrustedSites ?? [],
    signInSites: managed.signInSites ?? [],
    pupilName: hub?.pupil.name ?? null,
    schoolName: managed.schoolName ?? null,
  };
}
