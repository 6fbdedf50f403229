import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/** Shortcuts. The message shortcut "Track as vendor case" (callback id `track_vendor_case`) is the cases module's. */
export function register(_app: App, _deps: SlackDeps): void {}
