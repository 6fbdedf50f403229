/**
 * Reminders: the scheduler that posts due reminders through a poster, the date reminders that come from the
 * contracts (not from cases), and what a reminder says when posted.
 */

export { scheduleWorkspaceDateReminders, sweepDateReminders } from './date-reminders.js';
export { type OutgoingMessage, renderReminder } from './message.js';
export {
  createScheduler,
  type PostOutcome,
  type ReminderPoster,
  type Scheduler,
  type TickReport,
} from './scheduler.js';
