import { beforeEach, describe, expect, it } from 'vitest';
import { call, createTestHub, login, type Session, type TestHub } from './hub-fixture';

const upload = (hub: TestHub, session: Session, csv: string, classId = hub.classIds.robins) =>
  call(hub.app, 'POST', `/api/classes/${classId}/roster`, {
    session,
    body: csv,
    contentType: 'text/csv',
  });

const pupilsOf = async (hub: TestHub, classId: number) =>
  hub.db
    .selectFrom('pupils')
    .select(['name', 'email'])
    .where('class_id', '=', classId)
    .orderBy('email')
    .execute();

describe('roster CSV import', () => {
  let hub: TestHub;
  let ada: Session;
  beforeEach(async () => {
    hub = await createTestHub();
    ada = await login(hub.app, 'ada');
  });

  it('imports the good lines and names each bad line', async () => {
    const csv = [
      'name,email,class',
      'Cleo Robin,Cleo@Test.School,Year 2 Robins',
      'Dan Robin,dan@test.school,',
      'Bob Robin,bob@,Year 2 Robins',
      ',eve@test.school,',
      'Fay Robin,fay@test.school,Year 6 Hawks',
      'Gus Robin,cleo@test.school,',
    ].join('\n');
    const answer = await upload(hub, ada, csv);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
      errorCount: 4,
      errors: [
        { line: 4, message: "line 4: 'bob@' is not an email address" },
        { line: 5, message: 'line 5: the name is empty' },
        { line: 6, message: "line 6: the class is 'Year 6 Hawks', not 'Year 2 Robins'" },
        { line: 7, message: "line 7: 'cleo@test.school' is already on line 2" },
      ],
    });
    expect(await pupilsOf(hub, hub.classIds.robins)).toEqual([
      { name: 'Amy Robin', email: 'amy@test.school' },
      { name: 'Cleo Robin', email: 'cleo@test.school' },
      { name: 'Dan Robin', email: 'dan@test.school' },
    ]);
  });

  it('updates on re-import and never duplicates a pupil', async () => {
    await upload(hub, ada, 'name,email,class\nCleo Robin,cleo@test.school,\n');
    const csv =
      'email,name,class\r\ncleo@test.school,Cleo R. Robin,\r\nAMY@test.school,Amy Robin,\r\n';
    const again = await upload(hub, ada, csv);
    expect(again.body).toMatchObject({ added: 0, updated: 1, unchanged: 1, errors: [] });
    expect(await pupilsOf(hub, hub.classIds.robins)).toEqual([
      { name: 'Amy Robin', email: 'amy@test.school' },
      { name: 'Cleo R. Robin', email: 'cleo@test.school' },
    ]);
    const all = await hub.db.selectFrom('pupils').select('email').execute();
    expect(all).toHaveLength(3);
  });

  it("won't let a teacher take another class's pupil, but lets the admin move them", async () => {
    const csv = 'name,email,class\nHal Hawk,hal@test.school,\n';
    const teacher = await upload(hub, ada, csv);
    expect(teacher.body).toMatchObject({
      added: 0,
      errors: [
        {
          line: 2,
          message: "line 2: 'hal@test.school' is in another class; an admin can move them",
        },
      ],
    });
    const admin = await upload(hub, await login(hub.app, 'ali'), csv);
    expect(admin.body).toMatchObject({ updated: 1, errors: [] });
    expect(await pupilsOf(hub, hub.classIds.hawks)).toEqual([]);
  });

  it('reads quoted cells, and ignores (never stores) columns it does not know', async () => {
    const csv =
      'Name,Email,Class,Date of birth\n"Robin, Ivy",ivy@test.school,"Year 2 Robins",2019-01-01\n';
    const answer = await upload(hub, ada, csv);
    expect(answer.body).toMatchObject({ added: 1, ignoredColumns: ['date of birth'] });
    expect(await pupilsOf(hub, hub.classIds.robins)).toContainEqual({
      name: 'Robin, Ivy',
      email: 'ivy@test.school',
    });
  });

  it('reports the first 100 bad lines and counts the rest', async () => {
    const csv = 'name,email,class\n' + 'Bad Row,not-an-email,\n'.repeat(150);
    const answer = await upload(hub, ada, csv);
    expect(answer.body).toMatchObject({ added: 0, errorCount: 150 });
    const errors = answer.body.errors as { line: number }[];
    expect(errors).toHaveLength(100);
    expect(errors.at(-1)?.line).toBe(101);
  });

  it('needs the header', async () => {
    const answer = await upload(hub, ada, 'Cleo Robin,cleo@test.school,\n');
    expect(answer).toMatchObject({
      status: 400,
      body: {
        error:
          'line 1: the first line must be the header name,email,class (missing: name, email, class)',
      },
    });
  });

  it('needs text/csv', async () => {
    const answer = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/roster`, {
      session: ada,
      json: { name: 'x' },
    });
    expect(answer).toMatchObject({
      status: 415,
      body: { error: 'Send the roster as CSV (Content-Type: text/csv).' },
    });
  });

  it('is for the admin or the class teacher: 404 for another teacher, 403 for the DSL', async () => {
    const csv = 'name,email,class\nCleo Robin,cleo@test.school,\n';
    const bob = await upload(hub, await login(hub.app, 'bob'), csv);
    expect(bob).toMatchObject({ status: 404, body: { error: 'No such class.' } });
    const dsl = await upload(hub, await login(hub.app, 'dina'), csv);
    expect(dsl).toMatchObject({
      status: 403,
      body: { error: "Only an admin or the class's teacher can change its roster." },
    });
    expect(await pupilsOf(hub, hub.classIds.robins)).toHaveLength(1);
  });

  it('accepts up to 1 MB and refuses more with 413 JSON', async () => {
    const row = 'Pupil Name,pupil@test.school,\n';
    const big = 'name,email,class\n' + row.repeat(Math.ceil((1024 * 1024) / row.length));
    const answer = await upload(hub, ada, big);
    expect(answer).toMatchObject({
      status: 413,
      body: { error: 'The request body is too large; the limit is 1 MB.' },
    });
    const justUnder = `name,email,class,notes\n${row.trim()},${'x'.repeat(1000 * 1024)}\n`;
    expect(await upload(hub, ada, justUnder)).toMatchObject({ status: 200, body: { added: 1 } });
  });
});
