/**
 * `entitlebot plan SUBCOMMAND`: a team's own contracts (check, scaffold, import, list, show, remove). The work is
 * in plan-run.ts, imported when the command runs: it needs zod and yaml, which no other command loads.
 */
import type { ConsoleCommand } from './types.js';

const USAGE = `usage: entitlebot plan check PLAN.yml --source DOC.txt
       entitlebot plan scaffold DOC.txt
       entitlebot plan import PLAN.yml --source DOC.txt --workspace ID [--db FILE]
       entitlebot plan list --workspace ID [--db FILE]
       entitlebot plan show VENDOR --workspace ID [--db FILE]
       entitlebot plan remove VENDOR --workspace ID [--db FILE]

  check     validates a plan file (a new vendor, or an override with extends: VENDOR) against
            schemas/plan.schema.json and its source document: every problem with file:line:column
            and a hint. Exit 0 when clean, 1 with the list.
  scaffold  prints a plan skeleton proposed from a document (UTF-8 text, at most 2 MB): levels,
            response and update figures, coverage, quotas, prices, cancellation steps, each a
            commented candidate with its quote, and TODOs for what it cannot place.
  import    checks, then stores the plan and its document for one workspace (nothing is stored
            when the check fails). list, show and remove manage a workspace's plans.
  The format: docs/plan-format.md; a complete example: docs/examples/larkspur.yml.`;

export const plan: ConsoleCommand = {
  name: 'plan',
  summary: 'check, scaffold and import your own contracts (plan files)',
  usage: USAGE,
  async run(argv, io) {
    const { runPlan } = await import('./plan-run.js');
    return runPlan(argv, io);
  },
};
