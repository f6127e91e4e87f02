// What the flag screen reads from its own address: the flag's id and the key stage. A missing
// or malformed id means the screen can't learn whether the flag was stored, and says so.
import type { KeyStage } from '../../shared/policy-model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FlagScreenDetails {
  id: string | null;
  keyStage: KeyStage;
}

export function readFlagScreenDetails(location: Location): FlagScreenDetails {
  const query = new URLSearchParams(location.search);
  const id = query.get('id') ?? '';
  return {
    id: UUID.test(id) ? id : null,
    // Anything but ks2 gets the simplest screen.
    keyStage: query.get('ks') === 'ks2' ? 'ks2' : 'ks1',
  };
}
