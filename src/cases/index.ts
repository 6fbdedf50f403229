/**
 * Case tracking and reminders. The conversation (`handleText`) hands `case …` commands and case-thread
 * questions to `handleCaseText`; the Slack process and `entitlebot reminders` run the scheduler.
 */

export { handleCaseText } from '../conversation/case-text.js';
export { scheduleWorkspaceDateReminders, sweepDateReminders } from '../reminders/date-reminders.js';
export * from '../reminders/message.js';
export { createScheduler, type ReminderPoster, type Scheduler, type TickReport } from '../reminders/scheduler.js';
export { consoleLine, consolePoster, slackPoster } from '../slack/poster.js';
export { type CaseView, questionAnswer, statusAnswer } from './answer.js';
export { contractCalendars } from './calendars.js';
export { type CaseClock, type CaseClocks, computeClocks } from './clocks.js';
export { parseCaseCommand, parseThreadQuestion } from './commands.js';
export { planCaseReminders } from './reminder-plan.js';
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
