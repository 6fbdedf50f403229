/**
 * Case tracking and reminders. `installCases()` plugs `case …` and case-thread questions into the
 * conversation; the app (Slack or console) calls it once at start-up, before the first message.
 */
import { setCaseTextHandler } from '../conversation/handle.js';
import { handleCaseText } from './handle.js';

export { type CaseView, questionAnswer, statusAnswer } from './answer.js';
export { contractCalendars } from './calendars.js';
export { type CaseClock, type CaseClocks, computeClocks } from './clocks.js';
export { parseCaseCommand, parseThreadQuestion } from './commands.js';
export { scheduleWorkspaceDateReminders, sweepDateReminders } from './dateReminders.js';
export { handleCaseText } from './handle.js';
export * from './message.js';
export { consoleLine, consolePoster, slackPoster } from './posters.js';
export { planCaseReminders } from './reminders.js';
export { createScheduler, type ReminderPoster, type Scheduler, type TickReport } from './scheduler.js';
export {
  CaseProblem,
  caseDeadlines,
  caseState,
  caseView,
  openCase,
  recordEvent,
  replanReminders,
  undoEvent,
} from './service.js';

export function installCases(): void {
  setCaseTextHandler(handleCaseText);
}
