/**
 * `entitlebot plan import|list|show|remove --workspace ID`: a workspace's own plans in the store. Import checks
 * first and stores nothing unless the plan is clean; remove is refused while a contract uses the plan.
 */
import { loadKnowledge } from '../../knowledge/load.js';
import { PlanFile, PlanOverride } from '../../knowledge/schema.js';
import { buildWorkspaceKnowledge } from '../../knowledge/workspace.js';
import { formatProblem } from '../../plans/check.js';
import { importPlan, planPreview } from '../../plans/import.js';
import { isStoreError, openStore } from '../../store/index.js';
import type { ConsoleIO } from '../io.js';
import { EXIT } from '../io.js';
import { parseFlags, UsageError } from '../options.js';
import { renderAnswer } from '../render.js';
import { databasePathFrom } from './database.js';
import { readInputFile } from './read-input.js';

const FLAGS = { db: { type: 'string' }, workspace: { type: 'string' } } as const;

function common(argv: string[], io: ConsoleIO, extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  const { values, positionals } = parseFlags(argv, { ...FLAGS, ...extra });
  if (typeof values.workspace !== 'string') {
    throw new UsageError(
      '--workspace ID is required: the Slack workspace (team) id the plan belongs to, e.g. T0123ABCD',
    );
  }
  return { values, positionals, workspaceId: values.workspace, databasePath: databasePathFrom(values.db, io.env) };
}

type Run = (argv: string[], io: ConsoleIO) => Promise<number>;

const importCommand: Run = async (argv, io) => {
  const { values, positionals, workspaceId, databasePath } = common(argv, io, { source: { type: 'string' } });
  const [planPath, ...extra] = positionals;
  if (!planPath)
    throw new UsageError('plan import needs the plan file, e.g. plan import acme.yml --source acme.txt --workspace T…');
  if (extra.length > 0) throw new UsageError(`unexpected ${JSON.stringify(extra[0])}`);
  if (typeof values.source !== 'string')
    throw new UsageError('plan import needs --source DOC.txt: the document the plan quotes');
  const planBytes = readInputFile(planPath, 'PLAN');
  const docBytes = readInputFile(values.source, '--source');
  const knowledge = loadKnowledge();
  const store = await openStore(databasePath);
  try {
    const result = await importPlan({
      store,
      knowledge,
      workspaceId,
      planFile: planPath,
      planBytes,
      docFile: values.source,
      docBytes,
      importedBy: null,
    });
    if (!result.ok) {
      const n = result.problems.length;
      io.out(
        `${result.problems.map(formatProblem).join('\n')}\n\n${n} problem${n === 1 ? '' : 's'}; nothing was imported.\n`,
      );
      return EXIT.failure;
    }
    const shipped = knowledge.plans.find((f) => f.vendor === result.plan.vendor);
    io.out(`${renderAnswer(planPreview(result.plan.merged, result.plan.kind, shipped))}\n\n`);
    io.out(
      `${result.replaced ? 'Replaced' : 'Imported'} ${result.plan.kind === 'override' ? `your terms for ${result.plan.vendor}` : `vendor ${result.plan.vendor}`} in workspace ${workspaceId}.` +
        (result.plan.kind === 'vendor'
          ? ` Add a contract on it: contract add ${result.plan.vendor} ${result.plan.merged.plans[0]?.id ?? 'PLAN'} zone=Area/City\n`
          : '\n'),
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
};

const listCommand: Run = async (argv, io) => {
  const { positionals, workspaceId, databasePath } = common(argv, io);
  if (positionals.length > 0) throw new UsageError(`unexpected ${JSON.stringify(positionals[0])}`);
  const store = await openStore(databasePath);
  try {
    const plans = await store.listWorkspacePlans(workspaceId);
    if (plans.length === 0) {
      io.out(`Workspace ${workspaceId} has no plans of its own; it uses the shipped ones. Add one with plan import.\n`);
      return EXIT.ok;
    }
    for (const p of plans) {
      const used = (await store.listContracts(workspaceId)).filter((c) => c.vendor === p.vendor).length;
      io.out(
        `${p.vendor}\t${p.kind === 'override' ? 'override of the shipped terms' : 'vendor'}\t${p.documentName}\t` +
          `imported ${new Date(p.importedAt).toISOString()}\t${used} contract${used === 1 ? '' : 's'}\n`,
      );
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
};

const showCommand: Run = async (argv, io) => {
  const { positionals, workspaceId, databasePath } = common(argv, io);
  const [vendor, ...extra] = positionals;
  if (!vendor) throw new UsageError('plan show needs the vendor, e.g. plan show acme --workspace T…');
  if (extra.length > 0) throw new UsageError(`unexpected ${JSON.stringify(extra[0])}`);
  const knowledge = loadKnowledge();
  const store = await openStore(databasePath);
  try {
    const stored = await store.getWorkspacePlan(workspaceId, vendor);
    if (!stored) {
      io.err(
        `Workspace ${workspaceId} has no plan for ${JSON.stringify(vendor)}. See plan list --workspace ${workspaceId}.\n`,
      );
      return EXIT.failure;
    }
    const built = buildWorkspaceKnowledge(knowledge, [stored]);
    const merged = built.knowledge.plans.find((f) => f.vendor === vendor);
    if (!merged || built.problems.length > 0) {
      io.err(`${built.problems.join('\n')}\n`);
      return EXIT.failure;
    }
    const shipped = knowledge.plans.find((f) => f.vendor === vendor);
    const parsed = (stored.kind === 'override' ? PlanOverride : PlanFile).safeParse(JSON.parse(stored.planJson));
    io.out(`${renderAnswer(planPreview(merged, stored.kind, shipped))}\n`);
    io.out(
      `\nDocument: ${stored.documentName} (${stored.documentText.length} characters); imported ${new Date(stored.importedAt).toISOString()}.\n`,
    );
    if (!parsed.success) io.out('Note: the stored file no longer validates; import it again.\n');
    return EXIT.ok;
  } finally {
    await store.close();
  }
};

const removeCommand: Run = async (argv, io) => {
  const { positionals, workspaceId, databasePath } = common(argv, io);
  const [vendor, ...extra] = positionals;
  if (!vendor) throw new UsageError('plan remove needs the vendor, e.g. plan remove acme --workspace T…');
  if (extra.length > 0) throw new UsageError(`unexpected ${JSON.stringify(extra[0])}`);
  const store = await openStore(databasePath);
  try {
    if (!(await store.removeWorkspacePlan(workspaceId, vendor))) {
      io.err(`Workspace ${workspaceId} has no plan for ${JSON.stringify(vendor)}; nothing was removed.\n`);
      return EXIT.failure;
    }
    io.out(`Removed the ${vendor} plan from workspace ${workspaceId}.\n`);
    return EXIT.ok;
  } catch (error) {
    if (isStoreError(error, 'plan-in-use')) {
      io.err(`Not removed: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  } finally {
    await store.close();
  }
};

export const planStoreCommands: Record<string, Run> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  remove: removeCommand,
};
