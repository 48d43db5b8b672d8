// Colours of action statuses and health levels, shared by screens and printed documents (readable by colour-blind users and in print).
import type { HealthLevel } from './health';
import type { ActionStatus, AttendanceStatus } from './model';

/*
 * Every colour here reaches 4.5:1 on white (WCAG AA for text, so also the 3:1 asked of dots, bars and icons):
 * the same hex as the screens' theme (src/renderer/src/app/theme.ts), so what the coordinator sees is what the
 * préfet receives. Status never relies on colour alone: a word (and on screen an icon) goes with it.
 */
const GREY = '#5f666e'; // theme gray.6
const BLUE = '#1f5fa8'; // theme marianne.6
const LIGHT_BLUE = '#1b6cb5'; // theme blue.6
const GREEN = '#106f53'; // theme teal.7
const ORANGE = '#a25516'; // theme orange.6
const RED = '#b31c1c'; // theme red.7
const PLUM = '#5f4b66';

/** Status colours: distinct hues. */
export const ACTION_STATUS_COLOURS: Record<ActionStatus, string> = {
  planned: GREY,
  in_progress: BLUE,
  done: GREEN,
  postponed: ORANGE,
  abandoned: PLUM,
};

/** Health (« météo ») colours: green, orange, red, grey — as the screens' badges. */
export const HEALTH_COLOURS: Record<HealthLevel, string> = {
  on_track: GREEN,
  watch: ORANGE,
  late: RED,
  unknown: GREY,
};

export const ATTENDANCE_COLOURS: Record<AttendanceStatus, string> = {
  present: GREEN,
  represented: LIGHT_BLUE,
  excused: ORANGE,
  absent: RED,
  unknown: GREY,
};

/** Display order of statuses and health levels in legends, counts and charts. */
export const ACTION_STATUS_ORDER: ActionStatus[] = ['planned', 'in_progress', 'done', 'postponed', 'abandoned'];
export const HEALTH_ORDER: HealthLevel[] = ['on_track', 'watch', 'late', 'unknown'];
