import type { App, MessageShortcut } from '@slack/bolt';
import { TRACK_SHORTCUT_CALLBACK_ID } from '../../blocks/track-modal.js';
import type { SlackDeps } from '../../deps.js';
import { trackVendorCase } from './track-vendor-case.js';

/** Shortcuts. The message shortcut "Track as vendor case" (callback id `track_vendor_case`) is the cases module's. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(TRACK_SHORTCUT_CALLBACK_ID, trackVendorCase(deps));
}
