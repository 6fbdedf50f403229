/**
 * The listener router: one Bolt listener per kind hands each request to the handler of its id.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOf, byId, exactly, idsOf } from '../../../src/slack/listeners/route.js';

describe('exactly / idsOf', () => {
  it('matches exactly the given ids, whatever characters they hold, and gives them back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }), (ids) => {
        const pattern = exactly(ids);
        for (const id of ids) expect(pattern.test(id)).toBe(true);
        expect(idsOf(pattern)).toEqual(ids);
        for (const id of ids) {
          expect(pattern.test(`${id}x`) && !ids.includes(`${id}x`)).toBe(false);
          expect(pattern.test(`x${id}`) && !ids.includes(`x${id}`)).toBe(false);
        }
      }),
    );
  });
});

describe('byId', () => {
  it('runs the handler of the request’s id only, and nothing for an id without one', async () => {
    const ran: string[] = [];
    const route = byId((args: { id?: string }) => args.id, {
      a: async (args) => void ran.push(`a:${args.id}`),
      b: async (args) => void ran.push(`b:${args.id}`),
    });
    await route({ id: 'b' });
    await route({ id: 'c' });
    await route({});
    // names every object has are not handlers
    await route({ id: 'constructor' });
    await route({ id: '__proto__' });
    await route({ id: 'toString' });
    expect(ran).toEqual(['b:b']);
  });
});

describe('allOf', () => {
  it('runs every handler even when one fails, then throws that failure', async () => {
    const ran: string[] = [];
    const both = allOf(
      async () => {
        ran.push('first');
        throw new Error('first failed');
      },
      async () => void ran.push('second'),
    );
    await expect(both({})).rejects.toThrow('first failed');
    expect(ran).toEqual(['first', 'second']);
  });
});
