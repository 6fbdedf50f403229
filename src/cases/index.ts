/**
 * Case tracking and reminders. The conversation (`handleText`) hands `case …` commands and case-thread
 * questions to `handleCaseText`; the Slack process and `entitlebot reminders` run the scheduler.
 */

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
