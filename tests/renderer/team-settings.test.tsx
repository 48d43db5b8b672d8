// Renderer test: Paramètres « Données de l'équipe » — certificate shown and confirmed, one-time password replaced, refused
// values (team:connect's and team:setPassword's own schemas) never sent; the header's team badge.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { TeamStatus } from '../../src/shared/contract/team';
import { fr } from '../../src/shared/i18n';
import { TeamSettings } from '../../src/renderer/src/screens/settings/TeamSettings';
import { TeamBanner } from '../../src/renderer/src/app/TeamBanner';
import { refreshTeamStatus } from '../../src/renderer/src/app/teamStatus';

const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');
const local: TeamStatus = { mode: 'local', queuedNotes: 0, refusedNotes: [] };

function installApi(team: Record<string, unknown>) {
  (window as unknown as { api: unknown }).api = { team };
}

describe('TeamSettings', () => {
  it('shows the certificate to confirm, then asks for a new password after a one-time one, then switches', async () => {
    const connect = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, value: { step: 'trust', fingerprint: FP, changed: false } })
      .mockResolvedValueOnce({ ok: true, value: { step: 'newPassword', email: 'chloe@valmont.fr' } });
    const setPassword = vi.fn().mockResolvedValue({ ok: true, value: { step: 'connected', status: { ...local, mode: 'team' } } });
    installApi({ status: vi.fn().mockResolvedValue({ ok: true, value: local }), connect, setPassword });
    await refreshTeamStatus();
    const switched = vi.fn();
    render(
      <MantineProvider>
        <ModalsProvider>
          <TeamSettings onSwitched={switched} />
        </ModalsProvider>
      </MantineProvider>,
    );
    fireEvent.change(await screen.findByLabelText(/Adresse du serveur/), { target: { value: 'https://clspd.valmont.fr' } });
    fireEvent.change(screen.getByLabelText('Adresse électronique'), { target: { value: 'chloe@valmont.fr' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'provisoire' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText(new RegExp(FP))).toBeTruthy();
    expect(connect).toHaveBeenLastCalledWith({ url: 'https://clspd.valmont.fr', email: 'chloe@valmont.fr', password: 'provisoire' });
    fireEvent.click(screen.getByRole('button', { name: 'Faire confiance à ce certificat' }));
    await waitFor(() => expect(connect).toHaveBeenLastCalledWith({ url: 'https://clspd.valmont.fr', email: 'chloe@valmont.fr', password: 'provisoire', trust: FP }));
    fireEvent.change(await screen.findByLabelText('Nouveau mot de passe'), { target: { value: 'un mot de passe à moi' } });
    fireEvent.change(screen.getByLabelText('Confirmation du mot de passe'), { target: { value: 'un mot de passe à moi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    await waitFor(() => expect(switched).toHaveBeenCalledTimes(1));
    expect(setPassword).toHaveBeenCalledWith({ password: 'un mot de passe à moi', confirmation: 'un mot de passe à moi' });
  });
});

describe('TeamSettings refusals', () => {
  function renderSettings(team: Record<string, unknown>) {
    installApi({ status: vi.fn().mockResolvedValue({ ok: true, value: local }), ...team });
    render(
      <MantineProvider>
        <ModalsProvider>
          <TeamSettings onSwitched={vi.fn()} />
        </ModalsProvider>
      </MantineProvider>,
    );
  }

  it('connect: each refused field has its message under it, nothing is sent, the focus goes to the first; a refusal naming no field shows above', async () => {
    const connect = vi.fn().mockResolvedValue({ ok: false, error: { code: 'io', message: 'Le serveur ne répond pas.' } });
    await refreshTeamStatus();
    renderSettings({ connect });
    fireEvent.change(await screen.findByLabelText(/Adresse du serveur/), { target: { value: 'clspd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText(fr.team.input.url)).toBeTruthy();
    expect(screen.getByText(fr.team.input.emailRequired)).toBeTruthy();
    expect(screen.getByText(fr.team.input.passwordRequired)).toBeTruthy();
    expect(connect).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Adresse du serveur/)));
    fireEvent.change(screen.getByLabelText(/Adresse du serveur/), { target: { value: 'https://clspd.valmont.fr' } });
    fireEvent.change(screen.getByLabelText('Adresse électronique'), { target: { value: 'chloe@valmont.fr' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'provisoire' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le serveur ne répond pas.');
    expect(screen.queryByText(fr.team.input.url)).toBeNull();
  });

  it('new password: too short or typed differently is refused under its field and not sent', async () => {
    const connect = vi.fn().mockResolvedValue({ ok: true, value: { step: 'newPassword', email: 'chloe@valmont.fr' } });
    const setPassword = vi.fn();
    await refreshTeamStatus();
    renderSettings({ connect, setPassword });
    fireEvent.change(await screen.findByLabelText(/Adresse du serveur/), { target: { value: 'https://clspd.valmont.fr' } });
    fireEvent.change(screen.getByLabelText('Adresse électronique'), { target: { value: 'chloe@valmont.fr' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'provisoire' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    fireEvent.change(await screen.findByLabelText('Nouveau mot de passe'), { target: { value: 'court' } });
    fireEvent.change(screen.getByLabelText('Confirmation du mot de passe'), { target: { value: 'autre' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText(fr.team.errors.passwordTooShort)).toBeTruthy();
    expect(screen.getByText(fr.team.input.passwordsDiffer)).toBeTruthy();
    expect(setPassword).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Nouveau mot de passe')));
  });
});

describe('TeamBanner', () => {
  it('says at once that the connection is lost, and nothing in local mode', async () => {
    const offline: TeamStatus = { mode: 'team', connection: 'offline', server: 'https://clspd.valmont.fr', displayName: 'Alice Martin', role: 'staff', queuedNotes: 1, refusedNotes: [] };
    installApi({ status: vi.fn().mockResolvedValue({ ok: true, value: offline }) });
    await refreshTeamStatus();
    render(
      <MantineProvider>
        <MemoryRouter>
          <TeamBanner />
        </MemoryRouter>
      </MantineProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('connexion perdue avec clspd.valmont.fr');
    installApi({ status: vi.fn().mockResolvedValue({ ok: true, value: local }) });
    await refreshTeamStatus();
    await waitFor(() => expect(screen.queryByTestId('team-banner')).toBeNull());
  });
});
