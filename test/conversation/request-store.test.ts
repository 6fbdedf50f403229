import { afterEach, describe, expect, it } from 'vitest';
import { requestStore } from '../../src/conversation/request-store.js';
import { openStore, type Store } from '../../src/store/index.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** counts the settings reads that reach the store itself */
function counting(s: Store): { reads: () => number } {
  let reads = 0;
  const read = s.getSettings;
  s.getSettings = (ws) => {
    reads++;
    return read(ws);
  };
  return { reads: () => reads };
}

describe('requestStore', () => {
  it("reads the workspace's settings once a request, and again after a change through it", async () => {
    store = await openStore(':memory:');
    await store.updateSettings('T1', { zone: 'Asia/Taipei' });
    const { reads } = counting(store);
    const view = requestStore(store, 'T1');
    expect((await view.getSettings('T1')).zone).toBe('Asia/Taipei');
    expect((await view.getSettings('T1')).zone).toBe('Asia/Taipei');
    expect(reads()).toBe(1);
    await view.updateSettings('T1', { zone: 'Europe/Berlin' });
    expect((await view.getSettings('T1')).zone).toBe('Europe/Berlin');
    expect(reads()).toBe(2);
    // another workspace is read as it is, every time; every other method is the store's own
    await view.getSettings('T2');
    await view.getSettings('T2');
    expect(reads()).toBe(4);
    expect(await view.listContracts('T1')).toEqual([]);
    // a new request reads afresh: what another process changed in between is seen
    await store.updateSettings('T1', { zone: 'UTC' });
    expect((await requestStore(store, 'T1').getSettings('T1')).zone).toBe('UTC');
  });
});
