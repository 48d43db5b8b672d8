// Renderer test: the live séance's team notice — in a confidential meeting on the coordinator's desktop, it says the texts stay in this computer's coffre.
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TeamStatus } from '../../src/shared/contract/team';
import { fr } from '../../src/shared/i18n';
import { TeamNotesNotice } from '../../src/renderer/src/screens/meetings/live/TeamNotesNotice';
import { refreshTeamStatus } from '../../src/renderer/src/app/teamStatus';

async function withStatus(status: TeamStatus) {
  (window as unknown as { api: unknown }).api = { team: { status: vi.fn().mockResolvedValue({ ok: true, value: status }) } };
  await refreshTeamStatus();
}

const online: TeamStatus = { mode: 'team', connection: 'online', server: 'https://clspd.valmont.fr', queuedNotes: 0, refusedNotes: [] };

describe('TeamNotesNotice', () => {
  it('says where a confidential meeting’s texts go on the coordinator’s desktop, and the usual rule elsewhere', async () => {
    await withStatus({ ...online, role: 'coordinator' });
    const { rerender } = render(
      <MantineProvider>
        <TeamNotesNotice confidential />
      </MantineProvider>,
    );
    expect(screen.getByTestId('team-notes-notice').textContent).toBe(fr.team.desktop.notesInCoffre);
    rerender(
      <MantineProvider>
        <TeamNotesNotice />
      </MantineProvider>,
    );
    expect(screen.getByTestId('team-notes-notice').textContent).toBe(fr.team.desktop.notesOnePerson);
  });

  it('shows nothing about a coffre to a colleague (the texts are refused there) nor in local mode', async () => {
    await withStatus({ ...online, role: 'staff' });
    const { rerender } = render(
      <MantineProvider>
        <TeamNotesNotice confidential />
      </MantineProvider>,
    );
    expect(screen.getByTestId('team-notes-notice').textContent).toBe(fr.team.desktop.notesOnePerson);
    await withStatus({ mode: 'local', queuedNotes: 0, refusedNotes: [] });
    rerender(
      <MantineProvider>
        <TeamNotesNotice confidential />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('team-notes-notice')).toBeNull();
  });
});
