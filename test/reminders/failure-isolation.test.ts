/**
 * Issue 12, finding 5: one contract must not stop anyone's reminders. A contract whose term has not started is
 * passed over; a contract whose data fails is logged with its workspace and id and skipped; the other contracts,
 * and the other workspaces, get their reminders, and `entitlebot reminders --once` exits 0.
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/console/main.js';
import { sweepDateReminders } from '../../src/reminders/date-reminders.js';
import { openStore, type Store } from '../../src/store/index.js';
import { databaseOf } from '../../src/store/internal.js';
import { at, contract, knowledge } from '../support/cases.js';
import { tempDir } from '../support/store.js';

const temp = tempDir();
afterEach(() => temp.cleanup());

async function withCase(store: Store, ws: string, contractId: number, channelId: string) {
  await store.createCase(ws, {
    channelId,
    threadTs: '1.1',
    contractId,
    severity: null,
    productScope: null,
    vendorRef: null,
    openedAt: at('2026-03-01 10:00'),
    openedBy: 'U1',
  });
}

const autodesk = (over = {}) => contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea', ...over });

/** T-A: a contract starting next year beside a running one; T-B: a broken contract beside a running one. */
async function seed(store: Store) {
  await store.addContract('T-A', autodesk({ startDate: '2027-01-01', endDate: '2027-12-31' }));
  const a = await store.addContract('T-A', autodesk());
  await withCase(store, 'T-A', a.id, 'C-A');
  const broken = await store.addContract('T-B', autodesk());
  // a row the code can no longer plan (a vendor this version does not know), as an older or newer file may hold
  databaseOf(store).prepare("UPDATE contracts SET vendor = 'gone-vendor' WHERE id = ?").run(broken.id);
  const b = await store.addContract('T-B', autodesk());
  await withCase(store, 'T-B', b.id, 'C-B');
  return { broken: broken.id };
}

describe('a bad or not-yet-started contract', () => {
  it('is skipped by the hourly sweep (logged with workspace and id); everyone else gets their reminders', async () => {
    const store = await openStore(':memory:');
    const { broken } = await seed(store);
    const errors: string[] = [];
    const planned = await sweepDateReminders({ store, knowledge }, at('2026-03-17 09:30'), {
      error: (m) => errors.push(m),
    });
    expect(planned).toBe(2);
    const dated = async (ws: string) => (await store.listReminders(ws)).filter((r) => r.kind.startsWith('date-'));
    expect((await dated('T-A')).map((r) => r.channelId)).toEqual(['C-A']);
    expect((await dated('T-B')).map((r) => r.channelId)).toEqual(['C-B']);
    // the future contract is no error; the broken one is named
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('T-B');
    expect(errors[0]).toContain(`contract ${broken}`);
    await store.close();
  });

  it('never makes `entitlebot reminders --once` exit 1, and what is due is still posted', async () => {
    const path = temp.file('isolation.db');
    const store = await openStore(path);
    await store.addContract('local', autodesk({ startDate: '2027-01-01', endDate: '2027-12-31' }));
    const running = await store.addContract('local', autodesk());
    await withCase(store, 'local', running.id, 'console');
    const broken = await store.addContract('local', autodesk());
    databaseOf(store).prepare("UPDATE contracts SET vendor = 'gone-vendor' WHERE id = ?").run(broken.id);
    await store.scheduleReminder('other', {
      channelId: 'C-O',
      kind: 'response-breach',
      dueAt: at('2026-03-17 09:00'),
      text: 'Breach: another workspace',
      dedupeKey: 'other-1',
    });
    await store.close();
    let out = '';
    let err = '';
    const code = await main(['reminders', '--once', '--db', path, '--now', '2026-03-17T09:30:00+01:00'], {
      stdin: Readable.from([]),
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      env: {},
      isTTY: false,
    });
    expect(err).toContain(`contract ${broken.id} of workspace local`);
    expect(code).toBe(0);
    expect(out).toMatch(/^C-O - response-breach: .*Breach: another workspace/m);
    expect(out).toMatch(/console - date-quota-left/);
  });
});
