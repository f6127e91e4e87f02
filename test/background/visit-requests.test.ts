import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeExtension } from './fake-extension';
import { database, SafeClassDatabase } from '../../background/database';
import {
  storeVisitRequest,
  undeliveredVisitRequests,
  visitRequestStatus,
} from '../../background/visit-requests';

beforeEach(async () => {
  installFakeExtension();
  await database.visitRequests.clear();
});

describe('visit requests on the device', () => {
  it('say where they stand, and null for one the device does not hold', async () => {
    const request = await storeVisitRequest('https://games.example/', '');
    expect(await visitRequestStatus(request.id)).toBe('pending');
    expect(await visitRequestStatus('6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f')).toBeNull();
  });

  it('keep requests saved before the outbox existed through the upgrade', async () => {
    // A database as version 2 of the extension left it.
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores({ visitRequests: 'id, status, createdAt', audit: 'id, at' });
    await old.table('visitRequests').bulkAdd([
      {
        id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
        url: 'https://games.example/',
        reason: '',
        createdAt: '2026-11-20T09:00:00.000Z',
        status: 'pending',
      },
      {
        id: '7a2d3c2f-3b5c-4d4e-8f90-1b2c3d4e5f60',
        url: 'https://other.example/',
        reason: '',
        createdAt: '2026-11-20T09:05:00.000Z',
        status: 'denied',
        answeredBy: 'Ms Patel',
      },
    ]);
    old.close();

    const upgraded = new SafeClassDatabase(name);
    const pending = await upgraded.visitRequests.where('status').equals('pending').toArray();
    expect(pending.map((request) => request.url)).toEqual(['https://games.example/']);
    // Not yet sent: the outbox takes it on its next run.
    expect(pending[0]?.sentAt).toBeUndefined();
    expect(upgraded.visitRequests.schema.indexes.map((index) => index.name)).toContain('sentAt');
    expect(await upgraded.visitRequests.count()).toBe(2);
    upgraded.close();
  });

  it('wait in the outbox until sent, oldest first, and only while pending', async () => {
    const first = await storeVisitRequest('https://a.example/', '');
    const second = await storeVisitRequest('https://b.example/', '');
    await database.visitRequests.update(first.id, { createdAt: '2026-11-20T09:00:00.000Z' });
    await database.visitRequests.update(second.id, { createdAt: '2026-11-19T09:00:00.000Z' });
    expect((await undeliveredVisitRequests()).map((request) => request.id)).toEqual([
      second.id,
      first.id,
    ]);
    await database.visitRequests.update(second.id, { sentAt: '2026-11-20T10:00:00.000Z' });
    await database.visitRequests.update(first.id, { status: 'denied' });
    expect(await undeliveredVisitRequests()).toEqual([]);
  });
});
