// Renderer test: the partner form shows French validation messages next to the fields and submits clean values.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PartnerForm } from '../../src/renderer/src/screens/directory/PartnerForm';
import { SaveIndicator } from '../../src/renderer/src/app/SaveIndicator';
import { call } from '../../src/renderer/src/api';

const categories = [{ id: 'association', label: 'Associations', protocolRank: 10 }];

describe('PartnerForm', () => {
  it('refuses an empty name and a bad e-mail with French messages', async () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <MantineProvider>
        <PartnerForm categories={categories} onSubmit={onSubmit} onCancel={() => {}} />
      </MantineProvider>,
    );
    fireEvent.change(screen.getByLabelText('Courriel'), { target: { value: 'pas-une-adresse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Indiquez le nom de la structure.')).toBeTruthy();
    expect(screen.getByText('Choisissez une catégorie.')).toBeTruthy();
    expect(screen.getByText('L’adresse électronique n’est pas valide. Exemple : prenom.nom@ville.fr')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the values when valid', async () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <MantineProvider>
        <PartnerForm categories={categories} initial={{ id: 'o1', name: 'Mission locale', categoryId: 'association', archived: false, createdAt: '', updatedAt: '' }} onSubmit={onSubmit} onCancel={() => {}} />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect((onSubmit.mock.calls[0] as unknown as [{ name: string }])[0].name).toBe('Mission locale');
  });
});

describe('SaveIndicator', () => {
  it('says « Enregistré », then « Non enregistré — voir » after a failed save', async () => {
    render(
      <MantineProvider>
        <SaveIndicator />
      </MantineProvider>,
    );
    expect(screen.getByText('Enregistré')).toBeTruthy();
    await call(Promise.resolve({ ok: false as const, error: { code: 'io' as const, message: 'Disque plein.' } }), { mutation: true, notifyError: false }).catch(() => {});
    expect(await screen.findByText('Non enregistré — voir')).toBeTruthy();
    await call(Promise.resolve({ ok: true as const, value: 1 }), { mutation: true });
    expect(await screen.findByText('Enregistré')).toBeTruthy();
  });
});
