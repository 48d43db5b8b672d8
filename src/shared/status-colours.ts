// Colours of action statuses and health levels, shared by screens and printed documents (readable by colour-blind users and in print).
import type { HealthLevel } from './health';
import type { ActionStatus, AttendanceStatus } from './model';

/** Status colours: distinct hues and lightness so that they still separate in greyscale. */
export const ACTION_STATUS_COLOURS: Record<ActionStatus, string> = {
  planned: '#8a94a6',
  in_progress: '#1f6fb5',
  done: '#2e7d4f',
  postponed: '#c77800',
  abandoned: '#5f4b66',
};

/** Health (« météo ») colours: green, amber, red, grey. */
export const HEALTH_COLOURS: Record<HealthLevel, string> = {
  on_track: '#2e7d4f',
  watch: '#d99100',
  late: '#c0392b',
  unknown: '#9aa1ab',
};

export const ATTENDANCE_COLOURS: Record<AttendanceStatus, string> = {
  present: '#2e7d4f',
  represented: '#1f6fb5',
  excused: '#d99100',
  absent: '#c0392b',
  unknown: '#9aa1ab',
};

/** Display order of statuses and health levels in legends, counts and charts. */
export const ACTION_STATUS_ORDER: ActionStatus[] = ['planned', 'in_progress', 'done', 'postponed', 'abandoned'];
export const HEALTH_ORDER: HealthLevel[] = ['on_track', 'watch', 'late', 'unknown'];
