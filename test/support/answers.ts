/** Shared set-up for the answer-engine tests: the real knowledge files, contracts, a context. */

import type { AnswerContext } from '../../src/answers/context.js';
import { answerParsed, isReadCommand } from '../../src/answers/index.js';
import { parseCommand } from '../../src/answers/parse/parse.js';
import { loadClauses } from '../../src/knowledge/corpus.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { recordsOf } from '../../src/knowledge/records.js';
import { loadTerms } from '../../src/knowledge/terms.js';
import type { Answer } from '../../src/model/answer.js';
import type { Contract, ContractInput } from '../../src/model/records.js';
import { buildSearchIndex, type KnowledgeSearch } from '../../src/search/index.js';

export const knowledge = loadKnowledge();

let nextId = 1;

/** A stored contract as the store would return it (defaults: no holidays, plan hours, no term). */
export function contract(fields: Partial<ContractInput> & Pick<ContractInput, 'vendor' | 'plan'>): Contract {
  return {
    id: nextId++,
    workspaceId: 'T-test',
    createdAt: '2026-01-01T00:00:00Z',
    addons: [],
    name: null,
    customerType: null,
    region: null,
    zone: 'Europe/Berlin',
    holidays: null,
    hours: null,
    startDate: null,
    endDate: null,
    amounts: {},
    ...fields,
  };
}

export function context(fields: Partial<AnswerContext> = {}): AnswerContext {
  return { knowledge, contracts: [], now: new Date('2026-12-02T10:00:00Z'), ...fields };
}

let searchIndex: KnowledgeSearch | undefined;

/** The real glossary and clause search, built once for the test file. */
export function search(): KnowledgeSearch {
  searchIndex ??= buildSearchIndex({ terms: loadTerms(), clauses: loadClauses(), records: recordsOf(knowledge) });
  return searchIndex;
}

/**
 * Parse `text` and answer it as the conversation would for a question that changes nothing. A command that
 * changes the store or tracks a case is the conversation's: such text fails the test that sends it here.
 */
export function answer(text: string, ctx: AnswerContext): Answer {
  const cmd = parseCommand(text, ctx.knowledge);
  if (!isReadCommand(cmd)) throw new Error(`"${text}" is a ${cmd.kind} command: test it through the conversation`);
  // the engine's entry as the conversation calls it: typed commands by answerCommand, questions in words by
  // the question model
  return answerParsed(text, cmd, ctx);
}
