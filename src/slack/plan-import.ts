/**
 * Importing a team's own contract from a direct message: an admin shares the plan file (.yml) and its source
 * document (.txt) with the app in one DM saying "import". The app downloads both with the workspace's token
 * (files.info, then url_private_download), checks them exactly as `entitlebot plan check` does, and shows what it
 * understood (the table of levels and targets) with Import and Cancel buttons. "Import" downloads and checks the
 * files again (nothing is kept in between, so a restart loses nothing and a changed file is seen) and stores the
 * plan. Every reply is an Answer, so user text (file names, quotes in problems) is escaped by the renderer.
 */
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { checkForWorkspace } from '../plans/import.js';
import { DownloadError, type SlackApi } from './api.js';
import type { SlackDeps } from './deps.js';

/**
 * The plan checker and importer (YAML, zod and the plan schema: 4.6 MB of live heap, docs/benchmarks.md) are
 * loaded on the first import, not with the Slack app: most workspaces never import a plan.
 */
const plans = async () => {
  const [check, imports, input] = await Promise.all([
    import('../plans/check.js'),
    import('../plans/import.js'),
    import('../plans/input.js'),
  ]);
  return { ...check, ...imports, ...input };
};

export const PLAN_IMPORT_CONFIRM = 'plan_import_confirm';
export const PLAN_IMPORT_CANCEL = 'plan_import_cancel';

const IMPORT_WORD = /^\s*(?:<@[A-Z0-9]+>\s*)?(?:import|匯入|导入|導入)(?:\s|$|[.!。！])/iu;
const FILE_ID = /^F[A-Z0-9]{2,30}$/u;

export interface SharedFile {
  id: string;
  name?: string;
}

/** A DM that says "import" (with the files, or asking how): the import flow, not a question. */
export function isPlanImportRequest(m: { channel_type?: string; text?: string; files?: unknown }): boolean {
  // "import" alone in the DM is one too: the reply says which two files to share
  return m.channel_type === 'im' && IMPORT_WORD.test(m.text ?? '');
}

function problemAnswer(title: string, summary: string, lines: string[] = [], suggestions: string[] = []): Answer {
  const answer = emptyAnswer('error', title, summary);
  answer.notes.push(...lines);
  answer.suggestions.push(...suggestions);
  return answer;
}

const HOW =
  'Share two files with me in one direct message and write "import": the plan (.yml, see docs/plan-format.md; ' +
  '`entitlebot plan scaffold DOC.txt` drafts one) and the contract text it quotes (.txt, UTF-8, at most 2 MB).';

async function isAdmin(client: SlackApi, userId: string): Promise<boolean> {
  const info = await client.users.info({ user: userId });
  const user = info.user as { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | undefined;
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}

interface Fetched {
  plan: { id: string; name: string; bytes: Uint8Array };
  doc: { id: string; name: string; bytes: Uint8Array };
}

/** files.info for each shared file, then the two downloads; a reason a person can act on when it cannot. */
async function fetchFiles(client: SlackApi, ids: string[]): Promise<Fetched | Answer> {
  const { MAX_DOCUMENT_BYTES } = await plans();
  if (ids.length !== 2 || ids.some((id) => !FILE_ID.test(id))) {
    return problemAnswer('Import needs two files', `I got ${ids.length} file${ids.length === 1 ? '' : 's'}.`, [HOW]);
  }
  const infos: { id: string; name: string; size: number; url: string }[] = [];
  for (const id of ids) {
    const r = await client.files.info({ file: id }).catch((error: unknown) => ({ ok: false, error: String(error) }));
    const file = (r as { file?: { name?: string; size?: number; url_private_download?: string } }).file;
    if (!r.ok || !file?.url_private_download) {
      return problemAnswer('Cannot read a shared file', `Slack did not give me file ${id}; share it again in this DM.`);
    }
    infos.push({ id, name: file.name ?? id, size: file.size ?? 0, url: file.url_private_download });
  }
  const isPlan = (n: string) => /\.ya?ml$/iu.test(n);
  const plan = infos.find((f) => isPlan(f.name));
  const doc = infos.find((f) => !isPlan(f.name));
  if (!plan || !doc) {
    return problemAnswer(
      'Import needs a plan and a document',
      `I got ${infos.map((f) => f.name).join(' and ')}: one must be the plan (.yml) and the other the contract text.`,
      [HOW],
    );
  }
  for (const f of [plan, doc]) {
    if (f.size > MAX_DOCUMENT_BYTES) {
      return problemAnswer(
        'File too large',
        `${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB.`,
        ['Give the support terms alone (the service description or the SLA section) as plain text.'],
      );
    }
  }
  try {
    const [planBytes, docBytes] = [
      await client.download(plan.url, MAX_DOCUMENT_BYTES + 1),
      await client.download(doc.url, MAX_DOCUMENT_BYTES + 1),
    ];
    return {
      plan: { id: plan.id, name: plan.name, bytes: planBytes },
      doc: { id: doc.id, name: doc.name, bytes: docBytes },
    };
  } catch (error) {
    if (error instanceof DownloadError) return problemAnswer('Cannot download a shared file', `${error.message}.`);
    throw error;
  }
}

function checkedAnswer(
  problems: { length: number } & Awaited<ReturnType<typeof checkForWorkspace>>['problems'],
  formatProblem: (problem: (typeof problems)[number]) => string,
): Answer {
  const n = problems.length;
  return problemAnswer(
    'The plan has problems; nothing was imported',
    `${n} problem${n === 1 ? '' : 's'} in the plan or its document. Fix them and share both files again.`,
    problems.map(formatProblem),
    ['entitlebot plan check PLAN.yml --source DOC.txt'],
  );
}

/**
 * The DM "import" with two files: checks them and answers with the preview and the Import/Cancel buttons, or
 * with what is wrong. `confirm` (the Import button) stores a clean plan instead.
 */
export async function planImport(
  deps: SlackDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
  fileIds: string[],
  confirm: boolean,
): Promise<Answer> {
  if (!(await isAdmin(client, userId))) {
    return problemAnswer(
      'Only an admin can import contracts',
      'Importing a contract changes the answers for everyone in this workspace, so only a workspace admin or owner can do it. Ask one of your admins.',
    );
  }
  const fetched = await fetchFiles(client, fileIds);
  if ('kind' in fetched) return fetched;
  const { checkForWorkspace, formatProblem, importPlan, planPreview } = await plans();
  const shipped = deps.knowledge;
  const input = {
    store: deps.store,
    knowledge: shipped,
    workspaceId,
    planFile: fetched.plan.name,
    planBytes: fetched.plan.bytes,
    docFile: fetched.doc.name,
    docBytes: fetched.doc.bytes,
  };
  if (!confirm) {
    const checked = await checkForWorkspace(input);
    if (!checked.plan || checked.problems.length > 0) return checkedAnswer(checked.problems, formatProblem);
    const plan = checked.plan;
    const preview = planPreview(
      plan.merged,
      plan.kind,
      shipped.plans.find((f) => f.vendor === plan.vendor),
    );
    preview.title = `Check before import: ${preview.title}`;
    preview.notes.push(
      plan.kind === 'override'
        ? `This changes ${plan.vendor}'s terms for this workspace only; answers will say "per your contract".`
        : `This adds ${plan.vendor} for this workspace only.`,
    );
    const value = JSON.stringify({ p: fetched.plan.id, d: fetched.doc.id });
    preview.actions = [
      { id: PLAN_IMPORT_CONFIRM, text: 'Import', value, style: 'primary' },
      { id: PLAN_IMPORT_CANCEL, text: 'Cancel', value },
    ];
    return preview;
  }
  const result = await importPlan({ ...input, importedBy: userId });
  if (!result.ok) return checkedAnswer(result.problems, formatProblem);
  const done = emptyAnswer(
    'contract',
    `Imported ${result.plan.kind === 'override' ? `your terms for ${result.plan.vendor}` : result.plan.vendor}`,
    result.plan.kind === 'override'
      ? `Answers, contracts and case clocks in this workspace now use your ${result.plan.vendor} terms, per your contract.`
      : `Add a contract on it: \`contract add ${result.plan.vendor} ${result.plan.merged.plans[0]?.id ?? 'PLAN'}\`.`,
  );
  done.suggestions.push(`sla ${result.plan.merged.plans[0]?.id ?? ''}`.trim());
  return done;
}

/** The file ids an Import/Cancel button carries, or undefined for a value that is not ours. */
export function fileIdsOf(value: string | undefined): string[] | undefined {
  try {
    const v = JSON.parse(value ?? '') as { p?: unknown; d?: unknown };
    if (typeof v.p === 'string' && typeof v.d === 'string' && FILE_ID.test(v.p) && FILE_ID.test(v.d)) return [v.p, v.d];
  } catch {
    // not ours
  }
  return undefined;
}
