import { statusAnswer } from '../cases/answer.js';
import type { CaseCommand } from '../cases/commands.js';
import { CaseProblem, type caseState, caseView, openCase } from '../cases/service.js';
import { matchSeverity, resolveSeverity, severityMatters } from '../cases/targets.js';
import type { PlanFile } from '../knowledge/schema.js';
import { type Answer, emptyAnswer, type Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Contract } from '../model/records.js';
import { caseTextWords } from '../text/case-text-words.js';
import { contractPlanName } from '../text/names.js';
import type { ConversationContext, ConversationDeps, Reply } from './types.js';

export function unknownSeverity(file: PlanFile, words: string, lang: Language): string {
  return caseTextWords(lang).unknownSeverity(
    words,
    file.vendorName[lang],
    file.severities.map((s) => ({ id: s.id, name: s.name[lang] })),
  );
}

/** The contract a new case uses: named, the only one, or the one whose vendor knows the severity typed. */
async function chooseContract(
  deps: ConversationDeps,
  workspaceId: string,
  named: string | null,
  severity: string | null,
  lang: Language,
): Promise<Contract> {
  const w = caseTextWords(lang);
  const contracts = await deps.store.listContracts(workspaceId);
  if (contracts.length === 0) throw new CaseProblem(w.noContract);
  const listing = () =>
    contracts.map((c) => `${c.id}: ${c.vendor} ${c.plan}${c.name ? ` (${c.name})` : ''}`).join('; ');
  if (named) {
    const n = named.toLowerCase();
    const byId = /^\d+$/.test(n) ? contracts.filter((c) => c.id === Number(n)) : [];
    const found = byId.length
      ? byId
      : contracts.filter((c) => c.vendor === n || c.plan === n || (c.name ?? '').toLowerCase() === n);
    if (found.length === 1) return found[0]!;
    throw new CaseProblem(
      found.length === 0
        ? w.noContractMatches(named, listing())
        : w.severalContracts(
            named,
            found.map((c) => c.id),
          ),
    );
  }
  if (contracts.length === 1) return contracts[0]!;
  const matchOf = (c: Contract) => (severity ? matchSeverity(deps.knowledge.vendor(c.vendor), severity) : null);
  let fits = severity
    ? contracts.filter((c) => matchOf(c)?.exact)
    : contracts.filter((c) => !severityMatters(deps.knowledge.vendor(c.vendor), c));
  if (severity && fits.length === 0) fits = contracts.filter((c) => matchOf(c) !== null);
  const vendors = new Set(fits.map((c) => c.vendor));
  if (fits.length === 1 || (fits.length > 1 && vendors.size === 1 && severity)) return fits[0]!;
  throw new CaseProblem(w.whichContract(listing()));
}

function scopesOf(file: PlanFile): Set<string> {
  return new Set(file.targets.map((t) => t.scope).filter((s): s is string => Boolean(s)));
}

export async function openCaseCommand(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: Extract<CaseCommand, { kind: 'open' }>,
  lang: Language,
  locale?: Locale,
): Promise<Reply> {
  const w = caseTextWords(lang);
  const contract = await chooseContract(deps, ctx.workspaceId, cmd.contract, cmd.severity, lang);
  const file = deps.knowledge.vendor(contract.vendor);
  const notes: string[] = [];
  let severity: string | null = null;
  if (cmd.severity) {
    const sev = resolveSeverity(file, cmd.severity);
    if (sev) severity = sev.id;
    else if (file.severities.length > 0) throw new CaseProblem(unknownSeverity(file, cmd.severity, lang));
    else notes.push(w.severityLeftAside(file.vendorName[lang], cmd.severity));
  } else if (severityMatters(file, contract)) {
    return askSeverity(file, contract, lang);
  }
  const scopes = scopesOf(file);
  let productScope: string | null = cmd.product;
  if (productScope && !scopes.has(productScope)) {
    notes.push(w.productChangesNothing(file.vendorName[lang], productScope));
    productScope = null;
  } else if (
    !productScope &&
    scopes.size > 0 &&
    severity &&
    file.targets.some((t) => t.scope && t.severities.includes(severity!))
  ) {
    notes.push(w.notAzure);
  }
  const base = {
    workspaceId: ctx.workspaceId,
    channelId: ctx.channelId,
    contract,
    severity,
    productScope,
    vendorRef: cmd.ref,
    openedAt: ctx.now.getTime(),
    openedBy: ctx.userId,
    source: 'command' as const,
    language: lang,
    ...(locale ? { locale } : {}),
  };
  const opened = async (threadTs: string, headline: string): Promise<Answer> => {
    const state = await openCase(deps, { ...base, threadTs });
    const answer = statusAnswer(caseView(state, base.openedAt, lang, ctx.userZone), headline);
    answer.notes.unshift(...notes, ...calendarAssumptions(state, lang));
    return answer;
  };
  const title = contractPlanName({ plans: [file] }, contract, lang);
  if (ctx.threadTs) {
    const headline = w.openedHere(title);
    const answer = await opened(ctx.threadTs, headline);
    const kase = await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs);
    return { answer, visibility: 'in_channel', ...(kase ? { case: { id: kase.id, change: 'opened' as const } } : {}) };
  }
  // outside a thread: the app posts the case message and the case lives in its thread
  const sevName = severity ? file.severities.find((s) => s.id === severity)?.name[lang] : null;
  const header = emptyAnswer('case', w.caseMessageTitle(title, sevName, cmd.ref), w.caseMessage);
  const viaConsole = ctx.via === 'console';
  return {
    answer: header,
    visibility: 'in_channel',
    afterPost: async (posted) => {
      const headline = viaConsole ? w.openedOnConsoleThread(posted.ts) : w.openedOnThread;
      return await deps.store.transaction(async () => {
        const answer = await opened(posted.ts, headline);
        const kase = await deps.store.getCaseByThread(ctx.workspaceId, posted.channelId, posted.ts);
        if (kase) await deps.store.updateCase(ctx.workspaceId, kase.id, { statusMessageTs: posted.ts });
        return answer;
      });
    },
  };
}

function calendarAssumptions(state: Awaited<ReturnType<typeof caseState>>, lang: Language): string[] {
  const seen = new Set<string>();
  for (const clock of state.clocks.clocks) {
    for (const a of (lang === 'zh' ? clock.calendar?.assumedZh : clock.calendar?.assumed) ?? []) seen.add(a);
  }
  return [...seen].map((a) => caseTextWords(lang).assumed(a));
}

function askSeverity(file: PlanFile, contract: Contract, lang: Language): Reply {
  const w = caseTextWords(lang);
  const a = emptyAnswer(
    'case',
    w.whichSeverityTitle,
    w.whichSeverity(contractPlanName({ plans: [file] }, contract), file.vendorName[lang]),
  );
  a.facts = file.severities.map((s) => ({ label: `${s.id} — ${s.name[lang]}`, value: s.definition[lang] }));
  a.suggestions = file.severities.slice(0, 3).map((s) => `case open ${s.id.toLowerCase()}`);
  return { answer: a, visibility: 'ephemeral' };
}
