// Default closed lists and durations of the register, used while clspd.json holds no register settings yet.
import { register as t } from './i18n/register';
import type { Datastore, ListItem, RegisterSettings } from './model';

const items = (pairs: readonly (readonly [string, string])[]): ListItem[] => pairs.map(([code, label]) => ({ code, label }));

export function defaultRegisterSettings(): RegisterSettings {
  return {
    origins: items(t.defaults.origins),
    reasons: items(t.defaults.reasons),
    orientations: items(t.defaults.orientations),
    closureReasons: items(t.defaults.closureReasons),
    meetingTextsYears: 3,
    correspondenceEnabled: false,
  };
}

/** The register settings of a datastore, defaults when it has none. */
export function registerSettingsOf(data: Pick<Datastore, 'registerSettings'>): RegisterSettings {
  return data.registerSettings ?? defaultRegisterSettings();
}

/** Label of a closed-list code (the code itself when the list no longer knows it). */
export function listLabel(list: ListItem[], code: string): string {
  return list.find((i) => i.code === code)?.label ?? code;
}
