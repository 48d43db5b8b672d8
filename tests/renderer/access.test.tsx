// Renderer test: who may edit (browser session, desktop team status, local file) and the shared building blocks that stop offering edits to a reader.
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetail } from '../../src/shared/contract/meetings';
import type { TeamRole, TeamStatus } from '../../src/shared/contract/team';
import { fr } from '../../src/shared/i18n';
import { accessFor, EditOnly, roleOf, useAccess } from '../../src/renderer/src/app/access';
import { ReadOnlyBadge } from '../../src/renderer/src/app/ReadOnlyBadge';
import { refreshTeamStatus } from '../../src/renderer/src/app/teamStatus';
import { EmptyState } from '../../src/renderer/src/components/EmptyState';
import { useAddressDialog } from '../../src/renderer/src/components/useAddressDialog';
import { MainAction } from '../../src/renderer/src/screens/meetings/meeting/MainAction';
import { WebSessionContext } from '../../src/renderer/src/web/session';
import { clearApi } from './providers';

const local: TeamStatus = { mode: 'local', queuedNotes: 0, refusedNotes: [] };
const desktop = (role: TeamRole): TeamStatus => ({ mode: 'team', connection: 'online', server: 'https://clspd.valmont.fr', role, queuedNotes: 0, refusedNotes: [] });

async function desktopStatus(status: TeamStatus): Promise<void> {
  (window as unknown as { api: unknown }).api = { team: { status: vi.fn().mockResolvedValue({ ok: true, value: status }) } };
  await refreshTeamStatus();
}

/** The screens as a browser account of this role sees them (no role: the desktop). */
function As({ role, children, path = '/' }: { role?: TeamRole; children: ReactNode; path?: string }) {
  const account = role ? { id: 'u1', email: 'elise@valmont.fr', displayName: 'Élise Adjointe', role, mustChangePassword: false } : undefined;
  return (
    <MantineProvider>
      <MemoryRouter initialEntries={[path]}>
        <WebSessionContext.Provider value={account ? { account, logout: async () => undefined } : null}>{children}</WebSessionContext.Provider>
      </MemoryRouter>
    </MantineProvider>
  );
}

function Probe() {
  const a = useAccess();
  return <span data-testid="probe">{`${a.role} edit=${a.canEdit} users=${a.canManageUsers} admin=${a.canAdminister}`}</span>;
}

function AddressDialogProbe() {
  const d = useAddressDialog('nouvelle');
  return <span data-testid="dialog">{d.opened ? 'ouvert' : 'fermé'}</span>;
}

afterEach(async () => {
  await desktopStatus(local);
  clearApi();
});

describe('access rules', () => {
  it('coordinator does everything, staff edit without managing, readers read', () => {
    expect(accessFor('coordinator')).toEqual({ role: 'coordinator', canEdit: true, canManageUsers: true, canAdminister: true });
    expect(accessFor('staff')).toEqual({ role: 'staff', canEdit: true, canManageUsers: false, canAdminister: false });
    expect(accessFor('reader')).toEqual({ role: 'reader', canEdit: false, canManageUsers: false, canAdminister: false });
  });

  it('takes the browser account first, then the desktop team account, else the local file’s coordinator', () => {
    expect(roleOf(undefined, undefined)).toBe('coordinator');
    expect(roleOf(undefined, local)).toBe('coordinator');
    expect(roleOf(undefined, desktop('reader'))).toBe('reader');
    expect(roleOf('staff', desktop('reader'))).toBe('staff');
    expect(roleOf('reader', undefined)).toBe('reader');
  });
});

describe('useAccess', () => {
  it('follows the browser session', () => {
    render(
      <As role="reader">
        <Probe />
      </As>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('reader edit=false users=false admin=false');
  });

  it('follows the desktop team status, and the local file is the coordinator’s', async () => {
    await desktopStatus(desktop('reader'));
    render(
      <As>
        <Probe />
        <ReadOnlyBadge />
      </As>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('reader edit=false users=false admin=false');
    expect(screen.getByTestId('read-only-badge').textContent).toContain(fr.access.badge);
    expect(screen.getByTestId('read-only-badge').textContent).toContain(fr.access.why);
    await desktopStatus(local);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('coordinator edit=true users=true admin=true'));
    expect(screen.queryByTestId('read-only-badge')).toBeNull();
  });
});

describe('shared building blocks for a reader', () => {
  const blocks = (
    <>
      <EditOnly>
        <button type="button">Nouvelle réunion</button>
      </EditOnly>
      <EmptyState title="Aucune réunion" text="Les réunions apparaîtront ici." action="Nouvelle réunion (liste vide)" onAction={() => undefined} edits />
      <EmptyState title="Introuvable" text="Ce partenaire n’existe plus." action="Revenir à la liste" onAction={() => undefined} />
      <AddressDialogProbe />
    </>
  );

  it('offers no edit to a reader, keeps the other controls, and ignores « ?nouvelle=1 »', () => {
    render(
      <As role="reader" path="/reunions?nouvelle=1">
        {blocks}
      </As>,
    );
    expect(screen.queryByRole('button', { name: 'Nouvelle réunion' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nouvelle réunion (liste vide)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Revenir à la liste' })).toBeTruthy();
    expect(screen.getByTestId('dialog').textContent).toBe('fermé');
  });

  it('offers them to staff', () => {
    render(
      <As role="staff" path="/reunions?nouvelle=1">
        {blocks}
      </As>,
    );
    expect(screen.getByRole('button', { name: 'Nouvelle réunion' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouvelle réunion (liste vide)' })).toBeTruthy();
    expect(screen.getByTestId('dialog').textContent).toBe('ouvert');
  });

  it('shows no séance or convening button to a reader; validated minutes keep their badge', () => {
    const detail = (status: MeetingDetail['meeting']['status']) => ({ meeting: { id: 'm1', status }, locked: status === 'validated' }) as unknown as MeetingDetail;
    const { unmount } = render(
      <As role="staff">
        <MainAction detail={detail('draft')} />
      </As>,
    );
    expect(screen.getByRole('button', { name: fr.meetings.ui.convene })).toBeTruthy();
    expect(screen.getByRole('button', { name: fr.meetings.ui.startSession })).toBeTruthy();
    unmount();
    render(
      <As role="reader">
        <MainAction detail={detail('draft')} />
        <MainAction detail={detail('held')} />
      </As>,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
