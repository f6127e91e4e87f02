// Which hub this device talks to, and as which pupil: the school names the hub and its
// enrolment token in managed policy, and the pupil is the account signed in to Chrome.
import { readManagedState } from '../policy-store';
import { pupilEmail } from './identity';

export interface HubAddress {
  hubUrl: string;
  enrolmentToken: string;
  email: string;
}

/** Null while the school names no hub or nobody is signed in: the device then keeps to itself. */
export async function hubAddress(): Promise<HubAddress | null> {
  const { hubUrl, enrolmentToken } = (await readManagedState()).fields;
  if (!hubUrl || !enrolmentToken) return null;
  const email = await pupilEmail();
  return email ? { hubUrl, enrolmentToken, email } : null;
}
