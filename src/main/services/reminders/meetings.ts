// Meeting reminders for the dashboard « À faire maintenant » (owned by the meetings feature; placeholder until it lands).
import type { Reminder } from '../../../shared/contract/strategy';
import type { ServiceContext } from '../context';

export function meetingReminders(_ctx?: ServiceContext, _today?: string): Reminder[] {
  return [];
}
