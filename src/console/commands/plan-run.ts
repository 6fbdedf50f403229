/**
 * `entitlebot plan SUBCOMMAND`: a team's own contracts.
 *   check PLAN.yml --source DOC.txt     validate a plan against the schema and its document (exit 0 clean, 1 not)
 *   scaffold DOC.txt                    propose a plan skeleton from a document, on stdout
 *   import PLAN.yml --source DOC.txt --workspace T…   check, then store it for that workspace
 *   list / show ID / remove ID --workspace T…
 */
import { loadKnowledge } from '../../knowledge/load.js';
import { checkPlan, formatProblem } from '../../plans/check.js';
import { scaffoldPlan } from '../../plans/scaffold.js';
import { EXIT } from '../io.js';
import { parseFlags, UsageError } from '../options.js';
import { planStoreCommands } from './plan-store.js';
import { readInputFile } from './read-input.js';
import type { ConsoleCommand } from './types.js';

async function check(argv: string[], io: Parameters<ConsoleCommand['run']>[1]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { source: { type: 'string' } });
  const [planPath, ...extra] = positionals;
  if (!planPath) throw new UsageError('plan check needs the plan file, e.g. plan check acme.yml --source acme.txt');
  if (extra.length > 0) throw new UsageError(`unexpected ${JSON.stringify(extra[0])}`);
  if (typeof values.source !== 'string') {
    throw new UsageError('plan check needs --source DOC.txt: the document the plan quotes');
  }
  const result = checkPlan({
    planFile: planPath,
    planBytes: readInputFile(planPath, 'PLAN'),
    docFile: values.source,
    docBytes: readInputFile(values.source, '--source'),
    knowledge: loadKnowledge(),
  });
  if (result.problems.length > 0) {
    const n = result.problems.length;
    io.out(
      `${result.problems.map(formatProblem).join('\n')}\n\n${n} problem${n === 1 ? '' : 's'}; nothing was changed.\n`,
    );
    return EXIT.failure;
  }
  const plan = result.plan;
  if (plan) io.out(`${planPath}: clean. ${describe(plan.merged, plan.kind)}\n`);
  return EXIT.ok;
}

function describe(file: import('../../knowledge/schema.js').PlanFile, kind: 'vendor' | 'override'): string {
  const what = kind === 'override' ? `an override of ${file.vendor}` : `vendor ${file.vendor}`;
  return `${what}: ${file.plans.length} plans, ${file.severities.length} levels, ${file.targets.length} targets, ${file.quotas.length} quotas, ${file.prices.length} prices.`;
}

async function scaffold(argv: string[], io: Parameters<ConsoleCommand['run']>[1]): Promise<number> {
  const { positionals } = parseFlags(argv, {});
  const [docPath, ...extra] = positionals;
  if (!docPath)
    throw new UsageError('plan scaffold needs the document, e.g. plan scaffold acme-support.txt > acme.yml');
  if (extra.length > 0) throw new UsageError(`unexpected ${JSON.stringify(extra[0])}`);
  const result = scaffoldPlan(docPath, readInputFile(docPath, 'DOC'));
  if (!result.ok) {
    io.err(`${result.problems.map(formatProblem).join('\n')}\n`);
    return EXIT.failure;
  }
  io.out(result.value);
  return EXIT.ok;
}

/** `entitlebot plan …` (loaded by plan.ts on use, so that other commands do not load zod and yaml). */
export async function runPlan(argv: string[], io: Parameters<ConsoleCommand['run']>[1]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'check') return check(rest, io);
  if (sub === 'scaffold') return scaffold(rest, io);
  const stored = sub !== undefined && Object.hasOwn(planStoreCommands, sub) ? planStoreCommands[sub] : undefined;
  if (stored) return stored(rest, io);
  throw new UsageError(
    sub
      ? `unknown plan command ${JSON.stringify(sub)}`
      : 'plan needs a command: check, scaffold, import, list, show, remove',
  );
}
