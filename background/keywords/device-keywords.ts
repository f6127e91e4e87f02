// The keywords this device watches for: the school's managed list together with the list the
// DSL keeps on the hub (while the school still names that hub).
import { mergeKeywordLists } from '../../shared/keyword-match';
import { hubStateFor } from '../hub-link/hub-state';
import { readManagedState } from '../policy-store';

export async function deviceKeywords(): Promise<string[]> {
  const managed = await readManagedState();
  const hub = await hubStateFor(managed.fields);
  return mergeKeywordLists(managed.fields.keywords ?? [], hub?.keywords ?? []);
}
