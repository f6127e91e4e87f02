// Handlers for the options page. Each one that changes policy checks the session token first
// and syncs the rules before answering, so "saved" on the page means "enforced".
import {
  activeImageSearchLift,
  buildEffectivePolicy,
  listView,
  resolveKeyStage,
  type ListView,
} from '../shared/effective-policy';
import { createUrlJudge } from '../shared/url-verdict';
import { parseListText } from '../shared/list-text';
import type { MessageRequest, MessageResponse } from '../shared/messages';
import type { KeyStage, ListName, StoredEntry } from '../shared/policy-model';
import { formatSiteEntry, parseSiteEntry } from '../shared/site-entry';
import {
  AdminError,
  changePin,
  closeSession,
  pinSource,
  requireSession,
  setFirstPin,
  unlock,
} from './admin-session';
import { listFlags } from './flag/flag-store';
import { pupilIdentity } from './hub-link/identity';
import { hubStateFor, type HubState } from './hub-link/hub-state';
import { endImageSearchLift, liftImageSearch, recentAudit } from './image-search-lift';
import { announceAnswer } from './page-events';
import { readPolicy, updateSettings } from './policy-store';
import { readEnforcement, syncRules } from './rule-sync';
import { answerVisitRequest, findVisitRequest, listVisitRequests } from './visit-requests';

const now = () => new Date().toISOString();

async function applyAndEnforce(): Promise<void> {
  const record = await syncRules();
  if (record?.lastError) throw new AdminError(`Saved, but not enforced: ${record.lastError}`);
}

export async function adminStatus(): Promise<MessageResponse<'admin.status'>> {
  return { pinSource: (await pinSource()).source };
}

export function adminSetFirstPin(body: MessageRequest<'admin.setFirstPin'>) {
  return setFirstPin(body.pin, body.name);
}

export function adminUnlock(body: MessageRequest<'admin.unlock'>) {
  return unlock(body.pin, body.name);
}

export async function adminLock(body: MessageRequest<'admin.lock'>) {
  await closeSession(body.token);
  return {};
}

export async function adminChangePin(body: MessageRequest<'admin.changePin'>) {
  await requireSession(body.token);
  await changePin(body.currentPin, body.pin);
  return {};
}

/**
 * The key stage list with the hub's school sites after it, locked, as the policy uses them (the
 * hub sends only the pupil's own key stage's sites).
 */
function withHubSites(view: ListView, list: KeyStage, hub: HubState | null): ListView {
  if (!hub || hub.keyStage !== list) return view;
  const shown = new Set(view.entries.map((entry) => entry.site));
  const added = hub.schoolSites
    .filter((site) => !shown.has(site))
    .map((site): StoredEntry => ({ site, source: 'hub' }));
  return { ...view, entries: [...view.entries, ...added] };
}

export async function adminGetState(
  body: MessageRequest<'admin.getState'>,
): Promise<MessageResponse<'admin.getState'>> {
  await requireSession(body.token);
  const [{ settings, managed }, enforcement, requests, pin, audit, flags] = await Promise.all([
    readPolicy(),
    readEnforcement(),
    listVisitRequests(),
    pinSource(),
    recentAudit(),
    listFlags(),
  ]);
  const liftedUntil = activeImageSearchLift(settings, new Date());
  const hub = await hubStateFor(managed.fields);
  const { keyStage, keyStageSource } = resolveKeyStage(
    settings,
    managed.fields,
    hub,
    await pupilIdentity(),
  );
  return {
    keyStage: { value: keyStage, source: keyStageSource },
    lists: {
      ks1: withHubSites(listView('ks1', settings, managed.fields), 'ks1', hub),
      ks2: withHubSites(listView('ks2', settings, managed.fields), 'ks2', hub),
      alwaysBlocked: listView('alwaysBlocked', settings, managed.fields),
      imageSources: listView('imageSources', settings, managed.fields),
    },
    managedErrors: managed.errors,
    pinSource: pin.source,
    enforcement: enforcement
      ? {
          ruleCount: enforcement.ruleCount,
          appliedAt: enforcement.appliedAt,
          policyHash: enforcement.policyHash,
          lastError: enforcement.lastError,
        }
      : null,
    requests,
    imageSearchLift:
      liftedUntil && settings.imageSearchLift
        ? { until: liftedUntil, by: settings.imageSearchLift.by }
        : null,
    audit,
    flags,
  };
}

export async function adminAddEntries(
  body: MessageRequest<'admin.addEntries'>,
): Promise<MessageResponse<'admin.addEntries'>> {
  const { name } = await requireSession(body.token);
  const parsed = parseListText(body.text);
  const { managed } = await readPolicy();
  const managedSites = new Set(managed.fields[body.list] ?? []);
  const outcome = await updateSettings((settings) => {
    const existing = new Set(settings.lists[body.list].map((entry) => entry.site));
    const added: StoredEntry[] = [];
    let duplicates = parsed.duplicates;
    for (const entry of parsed.entries) {
      const site = formatSiteEntry(entry);
      if (existing.has(site) || managedSites.has(site)) {
        duplicates++;
        continue;
      }
      existing.add(site);
      added.push({ site, source: 'local', addedBy: name, addedAt: now() });
    }
    const lists = { ...settings.lists, [body.list]: [...settings.lists[body.list], ...added] };
    return { settings: { ...settings, lists }, result: { added: added.length, duplicates } };
  });
  if (outcome.added > 0) await applyAndEnforce();
  return { ...outcome, errors: parsed.errors };
}

export async function adminRemoveEntry(body: MessageRequest<'admin.removeEntry'>) {
  await requireSession(body.token);
  const { managed } = await readPolicy();
  if ((managed.fields[body.list] ?? []).includes(body.site)) {
    throw new AdminError(
      "This site comes from your school's managed policy and can only be removed in Google Admin.",
    );
  }
  const removed = await updateSettings((settings) => {
    const kept = settings.lists[body.list].filter((entry) => entry.site !== body.site);
    const lists = { ...settings.lists, [body.list]: kept };
    return {
      settings: { ...settings, lists },
      result: kept.length < settings.lists[body.list].length,
    };
  });
  if (!removed) throw new AdminError(`'${body.site}' is not on this list.`);
  await applyAndEnforce();
  return {};
}

export async function adminSetKeyStage(body: MessageRequest<'admin.setKeyStage'>) {
  await requireSession(body.token);
  const { managed } = await readPolicy();
  if (await hubStateFor(managed.fields)) {
    throw new AdminError("The key stage is set by the pupil's class on the classroom hub.");
  }
  if (managed.fields.keyStage) {
    throw new AdminError("The key stage is set by your school's managed policy.");
  }
  await updateSettings((settings) => ({
    settings: { ...settings, keyStage: body.keyStage },
    result: null,
  }));
  await applyAndEnforce();
  return {};
}

export async function adminLiftImageSearch(body: MessageRequest<'admin.liftImageSearch'>) {
  const { name } = await requireSession(body.token);
  const until = await liftImageSearch(body.minutes, name);
  await applyAndEnforce();
  return { until };
}

export async function adminEndImageSearchLift(body: MessageRequest<'admin.endImageSearchLift'>) {
  const { name } = await requireSession(body.token);
  await endImageSearchLift(name);
  await applyAndEnforce();
  return {};
}

export async function adminAnswerRequest(body: MessageRequest<'admin.answerRequest'>) {
  const { name } = await requireSession(body.token);
  // A download is allowed once for this pupil: no site joins any list.
  const asked = await findVisitRequest(body.id);
  if (asked.kind === 'download') {
    if (asked.status !== 'pending') throw new AdminError('This request has already been answered.');
    const status = body.decision === 'approve' ? 'approved' : 'denied';
    await announceAnswer(await answerVisitRequest(body.id, status, name));
    return {};
  }
  if (body.decision === 'deny') {
    const request = await findVisitRequest(body.id);
    if (request.status !== 'pending') {
      throw new AdminError('This request has already been answered.');
    }
    await announceAnswer(await answerVisitRequest(body.id, 'denied', name));
    return {};
  }
  const request = await findVisitRequest(body.id);
  if (request.status !== 'pending') throw new AdminError('This request has already been answered.');
  // The exact host the pupil asked for, not every subdomain beside it.
  const parsed = parseSiteEntry(`=${new URL(request.url).hostname}`);
  if (!parsed.ok) throw new AdminError(`Can't approve: ${parsed.reason}`);
  const { settings, managed } = await readPolicy();
  const hub = await hubStateFor(managed.fields);
  const list: ListName =
    body.list ?? resolveKeyStage(settings, managed.fields, hub, await pupilIdentity()).keyStage;
  const site = formatSiteEntry(parsed.entry);
  const blocked = createUrlJudge(buildEffectivePolicy(settings, managed.fields))(request.url);
  if (!blocked.allowed && blocked.reason === 'always') {
    throw new AdminError(
      "This site is on the always-blocked list, so it can't be allowed for a pupil. Remove it there first if the school agrees.",
    );
  }
  await updateSettings((current) => {
    if (current.lists[list].some((entry) => entry.site === site)) {
      return { settings: current, result: null };
    }
    const entry: StoredEntry = { site, source: 'approval', addedBy: name, addedAt: now() };
    const lists = { ...current.lists, [list]: [...current.lists[list], entry] };
    return { settings: { ...current, lists }, result: null };
  });
  await applyAndEnforce();
  // Marked approved only once the site is enforced, so "approved" never means "not yet".
  await announceAnswer(await answerVisitRequest(body.id, 'approved', name));
  return {};
}
