// Renderer test: the coffre's forms (unlock, recovery, first passphrase, idle delay, passphrase change) check their values
// with the channels' own schemas (message under the field, nothing sent, focus on the first field in error), and a wrong
// passphrase shows its message (and, when unlocking, the growing waiting delay).
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MIN_PASSPHRASE, type VaultStatus } from '../../src/shared/contract/vault';
import { fr } from '../../src/shared/i18n';
import { UnlockForm } from '../../src/renderer/src/screens/vault/UnlockForm';
import { VaultGateScreen } from '../../src/renderer/src/screens/vault/VaultGateScreen';
import { VaultSettings } from '../../src/renderer/src/screens/vault/VaultSettings';

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

describe('VaultGateScreen (first use)', () => {
  it('refuses a short passphrase and a different confirmation under their fields, creates nothing, focuses the first; right values create', async () => {
    const create = vi.fn().mockResolvedValue({ ok: true, value: { recoveryKey: 'ABCD-EFGH-IJKL', status: { ...locked, state: 'unlocked' } } });
    (window as unknown as { api: unknown }).api = { vault: { create } };
    render(
      <MantineProvider>
        <VaultGateScreen status={{ ...locked, state: 'absent' }} onDone={vi.fn()} />
      </MantineProvider>,
    );
    fireEvent.change(screen.getByLabelText(t.passphrase), { target: { value: 'court' } });
    fireEvent.change(screen.getByLabelText(t.confirmation), { target: { value: 'autre' } });
    fireEvent.click(screen.getByRole('button', { name: t.create }));
    expect(await screen.findByText(fr.vault.errors.passphraseTooShort(MIN_PASSPHRASE))).toBeTruthy();
    expect(screen.getByText(fr.vault.errors.passphraseMismatch)).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(t.passphrase)));
    fireEvent.change(screen.getByLabelText(t.passphrase), { target: { value: 'une phrase de passe' } });
    fireEvent.change(screen.getByLabelText(t.confirmation), { target: { value: 'une phrase de passe' } });
    fireEvent.click(screen.getByRole('button', { name: t.create }));
    expect(await screen.findByText('ABCD-EFGH-IJKL')).toBeTruthy();
    expect(create).toHaveBeenCalledWith({ passphrase: 'une phrase de passe', confirmation: 'une phrase de passe' });
  });
});

describe('VaultSettings', () => {
  const unlocked: VaultStatus = { ...locked, state: 'unlocked' };
  function settings(vault: Record<string, unknown>) {
    (window as unknown as { api: unknown }).api = { vault: { status: vi.fn().mockResolvedValue({ ok: true, value: unlocked }), ...vault } };
    render(
      <MantineProvider>
        <VaultSettings />
      </MantineProvider>,
    );
  }

  it('idle delay: an empty or out-of-range delay is refused under the field and not saved; a right one is saved', async () => {
    const setIdleMinutes = vi.fn().mockResolvedValue({ ok: true, value: { ...unlocked, idleMinutes: 30 } });
    settings({ setIdleMinutes });
    const field = await screen.findByLabelText(t.idleMinutes);
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: t.saveIdle }));
    expect(await screen.findByText(fr.vault.input.idleRequired)).toBeTruthy();
    fireEvent.change(field, { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: t.saveIdle }));
    expect(await screen.findByText(fr.vault.input.idleMax)).toBeTruthy();
    expect(setIdleMinutes).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: t.saveIdle }));
    await waitFor(() => expect(setIdleMinutes).toHaveBeenCalledWith({ minutes: 30 }));
    await waitFor(() => expect(screen.queryByText(fr.vault.input.idleMax)).toBeNull());
  });

  it('passphrase change: refused fields are not sent; a wrong current passphrase shows the coffre’s message under it', async () => {
    const changePassphrase = vi.fn().mockResolvedValue({ ok: false, error: { code: 'forbidden', message: fr.vault.errors.wrongPassphrase, field: 'current' } });
    settings({ changePassphrase });
    fireEvent.change(await screen.findByLabelText(t.newPassphrase), { target: { value: 'court' } });
    fireEvent.click(screen.getByRole('button', { name: t.change }));
    expect(await screen.findAllByText(fr.vault.input.passphraseRequired)).toHaveLength(2); // current and confirmation
    expect(screen.getByText(fr.vault.errors.passphraseTooShort(MIN_PASSPHRASE))).toBeTruthy();
    expect(changePassphrase).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(t.current)));
    fireEvent.change(screen.getByLabelText(t.current), { target: { value: 'pas la bonne' } });
    fireEvent.change(screen.getByLabelText(t.newPassphrase), { target: { value: 'une autre phrase' } });
    fireEvent.change(screen.getByLabelText(t.confirmation), { target: { value: 'une autre phrase' } });
    fireEvent.click(screen.getByRole('button', { name: t.change }));
    expect(await screen.findByText(fr.vault.errors.wrongPassphrase)).toBeTruthy();
    expect(changePassphrase).toHaveBeenCalledWith({ current: 'pas la bonne', newPassphrase: 'une autre phrase', confirmation: 'une autre phrase' });
    expect(screen.getByLabelText(t.current).getAttribute('aria-invalid')).toBe('true');
  });
});
