// The school's list at the hub: every member of staff reads it, only the admin adds or removes a
// site, staff ask for additions through change requests that only the admin decides, and each
// device gets its key stage's sites in its snapshot.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

const REQUEST_ID = '0b6f4f2e-1c1a-4b5e-9a3e-000000000001';

let hub: TestHub;
let ada: Session;
let bob: Session;
let dina: Session;
let ali: Session;
beforeEach(async () => {
  hub = await createTestHub();
  ada = await login(hub.app, 'ada');
  bob = await login(hub.app, 'bob');
  dina = await login(hub.app, 'dina');
  ali = await login(hub.app, 'ali');
});

const addSite = (session: Session, json: unknown) =>
  call(hub.app, 'POST', '/api/school-sites', { session, json });
const removeSite = (session: Session, id: number | string, json: unknown) =>
  call(hub.app, 'POST', `/api/school-sites/${id}/remove`, { session, json });
const listSites = (session: Session) => call(hub.app, 'GET', '/api/school-sites', { session });
const ask = (session: Session, json: unknown) =>
  call(hub.app, 'POST', '/api/change-requests', { session, json });
const listAsks = (session: Session, status?: string) =>
  call(hub.app, 'GET', `/api/change-requests${status ? `?status=${status}` : ''}`, { session });
const decide = (session: Session, id: number | string, json: unknown) =>
  call(hub.app, 'POST', `/api/change-requests/${id}/decide`, { session, json });
const schoolSitesOf = async (token: string) =>
  (await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token })).body.schoolSites;
const logActions = async () =>
  (await hub.db.selectFrom('change_log').select('action').orderBy('id').execute()).map(
    (row) => row.action,
  );

const scratch = {
  site: 'https://Scratch.MIT.edu/projects/',
  keyStage: 'ks2',
  reason: 'Coding club',
};

describe('adding and removing school sites', () => {
  it('lets the admin add a site, canonical, with who, when and why', async () => {
    hub.advance(60_000);
    const added = await addSite(ali, scratch);
    const site = {
      id: expect.any(Number),
      keyStage: 'ks2',
      site: 'scratch.mit.edu/projects/',
      reason: 'Coding club',
      askedBy: 'Ali Admin',
      approvedBy: 'Ali Admin',
      approvedAt: '2026-03-02T09:01:00.000Z',
      changeRequestId: null,
    };
    expect(added).toMatchObject({ status: 201, body: { site } });
    // Every member of staff reads the list.
    for (const session of [ada, bob, dina, ali]) {
      expect(await listSites(session)).toMatchObject({ status: 200, body: { sites: [site] } });
    }
    const log = await hub.db.selectFrom('change_log').selectAll().execute();
    expect(log).toEqual([
      {
        id: expect.any(Number),
        school_id: 1,
        at: '2026-03-02T09:01:00.000Z',
        action: 'site.added',
        summary: "Added scratch.mit.edu/projects/ to the school's KS2 list",
        class_id: null,
        asked_by: 'Ali Admin',
        approved_by: 'Ali Admin',
        reason: 'Coding club',
        pupil_id: null,
        device_id: null,
      },
    ]);
  });

  it('refuses a teacher and the DSL (403)', async () => {
    for (const session of [ada, dina]) {
      expect(await addSite(session, scratch)).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
    }
    const { body } = await addSite(ali, scratch);
    const id = (body.site as { id: number }).id;
    for (const session of [ada, dina]) {
      expect(await removeSite(session, id, { reason: 'no' })).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
    }
    expect((await listSites(ali)).body.sites).toHaveLength(1);
  });

  it('answers a site already listed for that key stage with 409, in any spelling', async () => {
    await addSite(ali, scratch);
    expect(
      await addSite(ali, { ...scratch, site: 'scratch.mit.edu/projects/', reason: 'again' }),
    ).toMatchObject({
      status: 409,
      body: { error: "'scratch.mit.edu/projects/' is already on the school's KS2 list." },
    });
    // The other key stage is another list.
    expect((await addSite(ali, { ...scratch, keyStage: 'ks1' })).status).toBe(201);
  });

  it.each([
    [
      { ...scratch, site: '*.bbc.co.uk' },
      "site: '*.bbc.co.uk' contains a wildcard (*): write 'bbc.co.uk' to include it and all its subdomains",
    ],
    [
      { ...scratch, site: 'co.uk' },
      "site: 'co.uk' is a public suffix: it would include every site under it",
    ],
    [{ ...scratch, site: 42 }, 'site: expected the site as text'],
    [{ ...scratch, keyStage: 'ks3' }, "keyStage: expected 'ks1' or 'ks2'"],
    [{ ...scratch, reason: '  ' }, 'reason: is empty'],
    [{ site: 'bbc.co.uk', keyStage: 'ks1' }, 'reason: give the reason for the change'],
  ])('refuses a bad addition with 400 (%#)', async (json, error) => {
    const refused = await addSite(ali, json);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe(error);
    expect((await listSites(ali)).body.sites).toEqual([]);
  });

  it('lets the admin remove a site with a reason, logged; 404 for one that is not there', async () => {
    const { body } = await addSite(ali, scratch);
    const id = (body.site as { id: number }).id;
    expect(await removeSite(ali, id, { reason: '' })).toMatchObject({
      status: 400,
      body: { error: 'reason: is empty' },
    });
    expect(await removeSite(ali, id, { reason: 'Club ended' })).toMatchObject({
      status: 200,
      body: { site: { id, site: 'scratch.mit.edu/projects/' } },
    });
    expect((await listSites(ali)).body.sites).toEqual([]);
    for (const missing of [id, 'x', 0]) {
      expect(await removeSite(ali, missing, { reason: 'Club ended' })).toMatchObject({
        status: 404,
        body: { error: 'No such school site.' },
      });
    }
    const removed = await hub.db
      .selectFrom('change_log')
      .selectAll()
      .where('action', '=', 'site.removed')
      .execute();
    expect(removed).toEqual([
      expect.objectContaining({
        summary: "Removed scratch.mit.edu/projects/ from the school's KS2 list",
        asked_by: 'Ali Admin',
        approved_by: 'Ali Admin',
        reason: 'Club ended',
      }),
    ]);
    // Removed, it can be added again.
    expect((await addSite(ali, scratch)).status).toBe(201);
  });
});

describe('school sites in the snapshot', () => {
  it('gives each device its key stage’s sites, and the strictest to a device on no roster', async () => {
    const amy = await enrol(hub.app, 'amy@test.school');
    const hal = await enrol(hub.app, 'hal@test.school');
    const stray = await enrol(hub.app, 'new@test.school');
    await addSite(ali, scratch);
    await addSite(ali, { site: '=www.phonicsplay.co.uk', keyStage: 'ks1', reason: 'Phonics' });
    await addSite(ali, { site: 'bbc.co.uk', keyStage: 'ks1', reason: 'News' });
    expect(await schoolSitesOf(amy)).toEqual(['=www.phonicsplay.co.uk', 'bbc.co.uk']);
    expect(await schoolSitesOf(stray)).toEqual(['=www.phonicsplay.co.uk', 'bbc.co.uk']);
    expect(await schoolSitesOf(hal)).toEqual(['scratch.mit.edu/projects/']);
  });
});

describe('change requests', () => {
  it('lets any member of staff ask, logged; only the admin and DSL see every request', async () => {
    const asked = await ask(ada, {
      site: 'www.Natgeokids.com',
      keyStage: 'ks1',
      reason: 'Animals topic',
    });
    expect(asked).toMatchObject({
      status: 201,
      body: {
        changeRequest: {
          id: expect.any(Number),
          keyStage: 'ks1',
          site: 'www.natgeokids.com',
          reason: 'Animals topic',
          requestId: null,
          askedBy: { id: hub.userIds.ada, name: 'Ada Teacher' },
          askedAt: '2026-03-02T09:00:00.000Z',
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
          note: null,
        },
      },
    });
    hub.advance(1000);
    expect(
      (await ask(bob, { site: 'scratch.mit.edu', keyStage: 'ks2', reason: 'Coding' })).status,
    ).toBe(201);
    hub.advance(1000);
    expect((await ask(dina, { site: 'kiddle.co', keyStage: 'ks2', reason: 'Search' })).status).toBe(
      201,
    );
    expect((await ask(ali, { site: 'kiddle.co', keyStage: 'ks1', reason: 'Search' })).status).toBe(
      201,
    );
    const sites = async (session: Session, status?: string) =>
      ((await listAsks(session, status)).body.changeRequests as { site: string }[]).map(
        (request) => request.site,
      );
    expect(await sites(ada)).toEqual(['www.natgeokids.com']);
    expect(await sites(bob)).toEqual(['scratch.mit.edu']);
    for (const session of [dina, ali]) {
      expect(await sites(session)).toEqual([
        'kiddle.co',
        'kiddle.co',
        'scratch.mit.edu',
        'www.natgeokids.com',
      ]);
    }
    expect(await listAsks(ada, 'done')).toMatchObject({
      status: 400,
      body: { error: "status: expected 'pending' or 'all'" },
    });
    expect(await logActions()).toEqual(Array(4).fill('change.requested'));
    const row = await hub.db.selectFrom('change_log').selectAll().orderBy('id').executeTakeFirst();
    expect(row).toMatchObject({
      summary: expect.stringMatching(/^Asked for www\.natgeokids\.com on the school's KS1 list/),
      asked_by: 'Ada Teacher',
      approved_by: null,
      reason: 'Animals topic',
      class_id: null,
    });
  });

  it('refuses a pending duplicate and a site already listed (409), and a bad one (400)', async () => {
    await ask(ada, { site: 'www.natgeokids.com', keyStage: 'ks1', reason: 'Animals' });
    expect(
      await ask(bob, { site: 'WWW.natgeokids.com.', keyStage: 'ks1', reason: 'Me too' }),
    ).toMatchObject({
      status: 409,
      body: {
        error:
          "A request to add 'www.natgeokids.com' to the school's KS1 list is already waiting for the admin.",
      },
    });
    await addSite(ali, { site: 'bbc.co.uk', keyStage: 'ks2', reason: 'News' });
    expect(await ask(ada, { site: 'BBC.co.uk', keyStage: 'ks2', reason: 'News' })).toMatchObject({
      status: 409,
      body: { error: "'bbc.co.uk' is already on the school's KS2 list." },
    });
    expect(await ask(ada, { site: 'moodle', keyStage: 'ks2', reason: 'News' })).toMatchObject({
      status: 400,
      body: {
        error: "site: 'moodle' is not a full web address (for example moodle.school.org.uk)",
      },
    });
    expect(
      await ask(ada, { site: 'bbc.co.uk', keyStage: 'ks1', reason: 'x', requestId: 'nope' }),
    ).toMatchObject({ status: 400, body: { error: 'requestId: expected the id of a request' } });
  });

  it('cites a visit request the user can see, and refuses one they cannot (400)', async () => {
    const hal = await enrol(hub.app, 'hal@test.school');
    await call(hub.app, 'POST', '/api/device/requests', {
      bearer: hal,
      json: {
        requests: [
          {
            id: REQUEST_ID,
            url: 'https://www.kiddle.co/',
            reason: 'x',
            createdAt: '2026-03-02T08:00:00Z',
          },
        ],
      },
    });
    const body = {
      site: 'www.kiddle.co',
      keyStage: 'ks2',
      reason: 'Pupils keep asking',
      requestId: REQUEST_ID,
    };
    // Hal is in Bob's class, not Ada's.
    for (const requestId of [REQUEST_ID, '0b6f4f2e-1c1a-4b5e-9a3e-00000000ffff']) {
      expect(await ask(ada, { ...body, requestId })).toMatchObject({
        status: 400,
        body: { error: 'requestId: no such request' },
      });
    }
    expect(await ask(bob, body)).toMatchObject({
      status: 201,
      body: { changeRequest: { requestId: REQUEST_ID } },
    });
  });

  it('lets only the admin decide; approving adds the site and reaches the snapshot', async () => {
    const hal = await enrol(hub.app, 'hal@test.school');
    const { body } = await ask(bob, { site: 'scratch.mit.edu', keyStage: 'ks2', reason: 'Coding' });
    const id = (body.changeRequest as { id: number }).id;
    for (const session of [bob, dina]) {
      expect(await decide(session, id, { decision: 'approve' })).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
    }
    expect(await decide(ali, id, { decision: 'maybe' })).toMatchObject({
      status: 400,
      body: { error: "decision: expected 'approve' or 'reject'" },
    });
    expect(await schoolSitesOf(hal)).toEqual([]);
    hub.advance(60_000);
    expect(await decide(ali, id, { decision: 'approve', note: 'Head agreed' })).toMatchObject({
      status: 200,
      body: {
        changeRequest: {
          id,
          status: 'approved',
          decidedBy: 'Ali Admin',
          decidedAt: '2026-03-02T09:01:00.000Z',
          note: 'Head agreed',
        },
      },
    });
    expect(await schoolSitesOf(hal)).toEqual(['scratch.mit.edu']);
    expect((await listSites(bob)).body.sites).toEqual([
      expect.objectContaining({
        site: 'scratch.mit.edu',
        askedBy: 'Bob Teacher',
        approvedBy: 'Ali Admin',
        reason: 'Coding',
        changeRequestId: id,
      }),
    ]);
    const log = await hub.db.selectFrom('change_log').selectAll().orderBy('id').execute();
    expect(log.at(-1)).toMatchObject({
      action: 'change.approved',
      summary: `Approved and added scratch.mit.edu on the school's KS2 list (change request ${id}; note: Head agreed)`,
      asked_by: 'Bob Teacher',
      approved_by: 'Ali Admin',
      reason: 'Coding',
    });
    // Deciding twice is refused, either way.
    for (const decision of ['approve', 'reject']) {
      expect(await decide(ali, id, { decision })).toMatchObject({
        status: 409,
        body: { error: 'This change request has already been decided.' },
      });
    }
    expect(await listAsks(bob)).toMatchObject({ body: { changeRequests: [] } });
    expect((await listAsks(bob, 'all')).body.changeRequests).toHaveLength(1);
  });

  it('rejects without adding, logged; 404 for an unknown request', async () => {
    const { body } = await ask(ada, { site: 'www.kiddle.co', keyStage: 'ks1', reason: 'Search' });
    const id = (body.changeRequest as { id: number }).id;
    expect(await decide(ali, id, { decision: 'reject', note: 'KS2 only' })).toMatchObject({
      status: 200,
      body: { changeRequest: { status: 'rejected', note: 'KS2 only' } },
    });
    expect((await listSites(ali)).body.sites).toEqual([]);
    expect(await logActions()).toEqual(['change.requested', 'change.rejected']);
    for (const missing of [id + 1, 'abc']) {
      expect(await decide(ali, missing, { decision: 'reject' })).toMatchObject({
        status: 404,
        body: { error: 'No such change request.' },
      });
    }
    // Rejected, it may be asked again.
    expect(
      (await ask(ada, { site: 'www.kiddle.co', keyStage: 'ks1', reason: 'Again' })).status,
    ).toBe(201);
  });

  it('refuses to approve a site the admin has added meanwhile (409), so it can be rejected', async () => {
    const { body } = await ask(ada, { site: 'bbc.co.uk', keyStage: 'ks1', reason: 'News' });
    const id = (body.changeRequest as { id: number }).id;
    await addSite(ali, { site: 'bbc.co.uk', keyStage: 'ks1', reason: 'Everyone asks' });
    expect(await decide(ali, id, { decision: 'approve' })).toMatchObject({
      status: 409,
      body: { error: "'bbc.co.uk' is already on the school's KS1 list." },
    });
    expect((await listAsks(ali)).body.changeRequests).toHaveLength(1);
    expect((await decide(ali, id, { decision: 'reject' })).status).toBe(200);
  });
});
