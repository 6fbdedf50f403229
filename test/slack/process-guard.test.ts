import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type GuardedProcess, installProcessGuard, MAX_EXCEPTIONS } from '../../src/slack/process-guard.js';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = Object.assign(emitter, {
    exit: (code: number) => {
      exits.push(code);
      return undefined;
    },
  }) as unknown as GuardedProcess & EventEmitter;
  return { proc, exits };
}

describe('the process guard', () => {
  it('logs an unhandled rejection and an occasional uncaught exception, and keeps the process', () => {
    const { proc, exits } = fakeProcess();
    const lines: string[] = [];
    let now = 0;
    const remove = installProcessGuard({ error: (m) => lines.push(m) }, proc, () => now);
    proc.emit('unhandledRejection', new Error('nobody awaited me'));
    for (let i = 0; i < 10; i++) {
      now += 20_000; // one every 20 s: never MAX_EXCEPTIONS within a minute
      proc.emit('uncaughtException', new TypeError(`odd ${i}`), 'uncaughtException');
    }
    expect(exits).toEqual([]);
    expect(lines[0]).toMatch(/Unhandled promise rejection \(still serving\): Error: nobody awaited me/);
    expect(lines.filter((l) => /Uncaught exception .*still serving.*TypeError: odd/.test(l))).toHaveLength(10);
    remove();
    expect(proc.listenerCount('uncaughtException')).toBe(0);
  });

  it('exits for a restart when uncaught exceptions come in a burst', () => {
    const { proc, exits } = fakeProcess();
    const lines: string[] = [];
    installProcessGuard({ error: (m) => lines.push(m) }, proc, () => 1_000);
    for (let i = 0; i < MAX_EXCEPTIONS; i++) proc.emit('uncaughtException', new Error('again'), 'uncaughtException');
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatch(/exiting for a restart/);
  });
});
