// Renderer test: the coffre's unlock and recovery forms check their values with the channels' own schemas (message under
// the field, nothing sent), and a wrong passphrase shows its message and the growing waiting delay.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../src/shared/contract/vault';
import { fr } from '../../src/shared/i18n';
import { UnlockForm } from '../../src/renderer/src/screens/vault/UnlockForm';

const locked: VaultStatus = { state: 'locked', retryInMs: 0, migrationPending: false, idleMinutes: 15, demo: false };
const t = fr.vault.screens;

function setup(vault: Record<string, unknown>) {
  (window as unknown as { api: unknown }).api = { vault };
  const onUnlocked = vi.fn();
  render(
    <MantineProvider>
      <UnlockForm status={locked} onUnlocked={onUnlocked} />
    </MantineProvider>,
  );
  return onUnlocked;
}

describe('UnlockForm', () => {
  it('refuses an empty passphrase under its field without calling the coffre, then shows a wrong one with the delay', async () => {
    const unlock = vi.fn().mockResolvedValue({ ok: false, error: { code: 'forbidden', message: fr.vault.errors.wrongPassphrase } });
    const status = vi.fn().mockResolvedValue({ ok: true, value: { ...locked, retryInMs: 4000 } });
    const onUnlocked = setup({ unlock, status });
    fireEvent.click(screen.getByRole('button', { name: t.unlock }));
    expect(await screen.findByText(fr.vault.input.passphraseRequired)).toBeTruthy();
    expect(unlock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(t.passphrase), { target: { value: 'mauvaise' } });
    fireEvent.click(screen.getByRole('button', { name: t.unlock }));
    expect(await screen.findByText(fr.vault.errors.wrongPassphrase)).toBeTruthy();
    expect(unlock).toHaveBeenCalledWith({ passphrase: 'mauvaise' });
    expect((await screen.findByRole('status')).textContent).toBe(t.waiting(4));
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it('recovery: each refused field has its message, nothing is sent; right values unlock', async () => {
    const recover = vi.fn().mockResolvedValue({ ok: true, value: { ...locked, state: 'unlocked' } });
    const onUnlocked = setup({ recover, status: vi.fn() });
    fireEvent.click(screen.getByRole('button', { name: t.lostPassphrase }));
    fireEvent.change(screen.getByLabelText(t.newPassphrase), { target: { value: 'une phrase de passe' } });
    fireEvent.change(screen.getByLabelText(t.confirmation), { target: { value: 'une autre phrase' } });
    fireEvent.click(screen.getByRole('button', { name: t.recover }));
    expect(await screen.findByText(fr.vault.input.recoveryKeyRequired)).toBeTruthy();
    expect(screen.getByText(fr.vault.errors.passphraseMismatch)).toBeTruthy();
    expect(recover).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(t.recoveryKey), { target: { value: 'ABCD-EFGH' } });
    fireEvent.change(screen.getByLabelText(t.confirmation), { target: { value: 'une phrase de passe' } });
    fireEvent.click(screen.getByRole('button', { name: t.recover }));
    await waitFor(() => expect(onUnlocked).toHaveBeenCalled());
    expect(recover).toHaveBeenCalledWith({ recoveryKey: 'ABCD-EFGH', newPassphrase: 'une phrase de passe', confirmation: 'une phrase de passe' });
  });
});
