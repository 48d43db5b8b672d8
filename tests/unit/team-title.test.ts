// The window title in team mode says who is connected to which server, and a lost connection at once.
import { describe, expect, it } from 'vitest';
import { windowTitle } from '../../src/main/team/title';
import type { TeamStatus } from '../../src/shared/contract/team';

const base: TeamStatus = { mode: 'team', server: 'https://clspd.valmont.fr:8443', email: 'alice@valmont.fr', displayName: 'Alice Martin', role: 'staff', queuedNotes: 0, refusedNotes: [] };

describe('team window title', () => {
  it('is the page title alone in local mode', () => {
    expect(windowTitle('Plan d’actions — Coordination CLSPD', { mode: 'local', queuedNotes: 0, refusedNotes: [] })).toBe('Plan d’actions — Coordination CLSPD');
  });
  it('names the person and the server, then the lost connection, the ended session, the changed certificate', () => {
    expect(windowTitle('Réunions', { ...base, connection: 'online' })).toBe('Réunions — Alice Martin sur clspd.valmont.fr:8443');
    expect(windowTitle('Réunions', { ...base, connection: 'offline' })).toBe('Réunions — connexion perdue avec clspd.valmont.fr:8443');
    expect(windowTitle('Réunions', { ...base, connection: 'expired' })).toMatch(/Session terminée sur clspd\.valmont\.fr:8443/);
    expect(windowTitle('Réunions', { ...base, connection: 'certificate' })).toMatch(/certificat de clspd\.valmont\.fr:8443 a changé/);
  });
});
