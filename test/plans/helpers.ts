import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ConsoleIO } from '../../src/console/io.js';
import { main } from '../../src/console/main.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { checkPlan } from '../../src/plans/check.js';

export const EXAMPLE_PLAN = new URL('../../docs/examples/larkspur.yml', import.meta.url);
export const EXAMPLE_DOC = new URL('../../docs/examples/larkspur-support-policy.txt', import.meta.url);
export const EXAMPLE_DOC_NAME = 'larkspur-support-policy.txt';
export const examplePlanText = () => readFileSync(EXAMPLE_PLAN, 'utf8');
export const exampleDocText = () => readFileSync(EXAMPLE_DOC, 'utf8');
export const bytes = (s: string) => new TextEncoder().encode(s);

let knowledge: ReturnType<typeof loadKnowledge> | undefined;

/** `plan check` on a plan's text against a document's (the worked example's by default), in memory. */
export function checkText(plan: string, doc = exampleDocText(), docFile = EXAMPLE_DOC_NAME) {
  knowledge ??= loadKnowledge();
  return checkPlan({ planFile: 'plan.yml', planBytes: bytes(plan), docFile, docBytes: bytes(doc), knowledge });
}

/** Runs `entitlebot ARGV` in-process and collects what it prints. */
export async function runMain(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const io: ConsoleIO = {
    stdin: Readable.from([]),
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env,
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
