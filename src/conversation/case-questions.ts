import { questionAnswer, statusAnswer } from '../cases/answer.js';
import { liveClocks } from '../cases/clocks.js';
import { parseShortThreadQuestion, parseThreadQuestion } from '../cases/commands.js';
import { CaseProblem, caseState, caseView } from '../cases/service.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case } from '../model/records.js';
import { caseTextWords } from '../text/case-text-words.js';
import { contractPlanName } from '../text/names.js';
import { formatTime } from '../text/time.js';
import type { ConversationContext, ConversationDeps, Reply } from './types.js';

export async function caseQuestion(
  deps: ConversationDeps,
  ctx: ConversationContext,
  text: string,
): Promise<Reply | null> {
  // in a thread, a fragment ("next update?", 「下次更新」, "status") is about the thread's case
  const q = parseThreadQuestion(text) ?? (ctx.threadTs ? parseShortThreadQuestion(text) : null);
  if (!q) return null;
  const kase = ctx.threadTs ? await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs) : null;
  if (!kase) return ctx.threadTs ? await noCaseHere(deps, ctx, q.language) : await whichCase(deps, ctx, q.language);
  const now = ctx.now.getTime();
  const state = await caseState(deps, kase, now);
  const view = caseView(state, now, q.language, ctx.userZone);
  const answer = 'status' in q ? statusAnswer(view) : questionAnswer(view, q.clock, q.ask);
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

/**
 * A question about "the case" in a thread that tracks none: say so, and how to start tracking one here. The
 * reply is `weak`: where the question has an answer of its own (it names a plan and a severity), that wins.
 */
async function noCaseHere(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const w = caseTextWords(lang);
  const answer = emptyAnswer('case', w.noCaseHereTitle, w.noCaseHere);
  const open = await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
  if (open.length > 0) answer.notes.push(w.otherCases(open.length));
  answer.suggestions.push('case open p1', 'cases');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel', weak: true };
}

/** The open cases of the channel (Slack) or of the workspace (the console, which has no channels). */
export async function caseList(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const w = caseTextWords(lang);
  const wholeWorkspace = ctx.via === 'console';
  const open = (await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] })).filter(
    (kase) => wholeWorkspace || kase.channelId === ctx.channelId,
  );
  const where = wholeWorkspace ? w.thisWorkspace : w.thisChannel;
  const answer = emptyAnswer(
    'case',
    w.openCasesTitle,
    open.length === 0 ? w.noOpenCases(where) : w.openCases(open.length, where),
  );
  answer.facts.push(...(await caseFacts(deps, ctx, open.slice(-20), lang)));
  answer.suggestions.push('case open p1');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

/** One line per case: plan, where it is, and its next deadline. */
async function caseFacts(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cases: Case[],
  lang: Language,
): Promise<Answer['facts']> {
  const w = caseTextWords(lang);
  const now = ctx.now.getTime();
  const facts: Answer['facts'] = [];
  for (const kase of cases) {
    try {
      const state = await caseState(deps, kase, now);
      const next = liveClocks(state.clocks)[0];
      const ref = kase.vendorRef ? ` ${kase.vendorRef}` : '';
      const place = ctx.via === 'console' ? w.thread(kase.threadTs) : `<#${kase.channelId}>`;
      const due =
        next && next.dueAt !== null
          ? w.nextDue(formatTime(next.dueAt, state.contract.zone, lang), next.state === 'overdue')
          : '';
      facts.push({
        label: `#${kase.id}${ref}`,
        value: `${contractPlanName(deps.knowledge, state.contract, lang)} · ${place}${due}`,
      });
    } catch (error) {
      if (!(error instanceof CaseProblem)) throw error;
    }
  }
  return facts;
}

/**
 * "When is my next update due?" asked outside a case thread: the app cannot tell which case is meant, so it
 * says where to ask and lists the open cases with their next deadline.
 */
async function whichCase(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const w = caseTextWords(lang);
  const open = await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
  const where = ctx.via === 'command' ? w.askInThreadByMention : w.askInThread;
  const answer = emptyAnswer('case', w.whichCaseTitle, open.length === 0 ? w.noneTracked : w.aboutACase(where));
  answer.facts.push(...(await caseFacts(deps, ctx, open.slice(-10), lang)));
  answer.suggestions.push('case open p1', 'help');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}
