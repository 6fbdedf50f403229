/**
 * Case tracking: case commands and thread questions (parsed), the clocks of a case in business time, the
 * reminders a case plans, and the service that records events through the store. No Slack here: the
 * conversation (src/conversation/case-text.ts) turns text into these calls, and src/slack lays them out.
 */

export { type CaseView, questionAnswer, statusAnswer } from './answer.js';
export { contractCalendars } from './case-calendars.js';
export { type CaseClock, type CaseClocks, computeClocks } from './clocks.js';
export { parseCaseCommand, parseThreadQuestion } from './commands.js';
export { planCaseReminders } from './reminder-plan.js';
export {
  type CaseDeadline,
  CaseProblem,
  caseProblem,
  caseState,
  caseView,
  openCase,
  openCaseDeadlines,
  recordEvent,
  replanReminders,
  undoEvent,
} from './service.js';
