// Renderer test: the shared form hook checks values with the contract's own schema (every field's French message),
// runs the save only when they are right, and puts a refused save's message next to its field.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/renderer/src/api';
import { checkForm, errorUnder, serverErrors, useFormSubmit } from '../../src/renderer/src/components/useFormSubmit';
import { PersonForm } from '../../src/renderer/src/screens/directory/PersonForm';
import { NewActionForm } from '../../src/renderer/src/screens/strategy/forms';
import { OrganisationInput, PersonInput } from '../../src/shared/contract/directory';
import { MilestoneInput } from '../../src/shared/contract/strategy';
import { fr } from '../../src/shared/i18n';

describe('checkForm', () => {
  it('returns every refused field with its message from the contract', () => {
    const r = checkForm(OrganisationInput, { name: ' ', categoryId: '', email: 'pas-une-adresse', officeHolderChangedAt: '2026-02-30' });
    expect(r).toEqual({
      ok: false,
      errors: {
        name: fr.directory.form.nameRequired,
        categoryId: fr.directory.form.categoryRequired,
        email: fr.errors.invalidEmail,
        officeHolderChangedAt: fr.errors.invalidDate,
      },
    });
  });

  it('returns the parsed values (trimmed) when every field is right', () => {
    const r = checkForm(MilestoneInput, { title: '  Bilan  ', dueDate: '2026-06-30' });
    expect(r).toEqual({ ok: true, data: { title: 'Bilan', dueDate: '2026-06-30' } });
  });

  it('adds the rules spanning several fields, a field’s own rule first', () => {
    const extra = { dueDate: 'La date de fin est avant la date de début.', title: 'autre' };
    const r = checkForm(MilestoneInput, { title: '', dueDate: '2026-06-30' }, extra);
    expect(r).toEqual({ ok: false, errors: { dueDate: extra.dueDate, title: fr.strategy.ui.milestoneTitleRequired } });
  });
});

describe('serverErrors', () => {
  it('puts the message under each tail of the path the server names', () => {
    expect(serverErrors('patch.pilot.organisationId', 'Inconnue.')).toEqual({ 'patch.pilot.organisationId': 'Inconnue.', 'pilot.organisationId': 'Inconnue.', organisationId: 'Inconnue.' });
    expect(serverErrors('title', 'Non.')).toEqual({ title: 'Non.' });
  });
});

describe('errorUnder', () => {
  it('gives a group its own message, or the first about one of its members', () => {
    expect(errorUnder({ 'partners.2.role': 'Rôle ?', 'partnersNote': 'x' }, 'partners')).toBe('Rôle ?');
    expect(errorUnder({ partners: 'Trop.', 'partners.0.role': 'Rôle ?' }, 'partners')).toBe('Trop.');
    expect(errorUnder({ partnersNote: 'x' }, 'partners')).toBeUndefined();
  });
});

describe('useFormSubmit().submit', () => {
  it('does not save refused values, saves parsed ones, and shows a server refusal next to its field', async () => {
    const { result } = renderHook(() => useFormSubmit('lastName'));
    const save = vi.fn(async () => {});
    await act(() => result.current.submit(PersonInput, { organisationId: 'o1', civility: '', firstName: '', lastName: '' }, save));
    expect(save).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual({ lastName: fr.directory.person.lastNameRequired });

    await act(() => result.current.submit(PersonInput, { organisationId: 'o1', civility: 'Mme', firstName: ' Anne ', lastName: 'Roux' }, save));
    expect(save).toHaveBeenCalledWith({ organisationId: 'o1', civility: 'Mme', firstName: 'Anne', lastName: 'Roux' });
    expect(result.current.errors).toEqual({});

    const refused = async () => {
      throw new ApiError({ code: 'invalid_input', message: 'Adresse refusée par le serveur.', field: 'patch.email' });
    };
    await act(() => result.current.submit(PersonInput, { organisationId: 'o1', civility: '', firstName: '', lastName: 'Roux' }, refused));
    expect(result.current.errors).toEqual({ 'patch.email': 'Adresse refusée par le serveur.', email: 'Adresse refusée par le serveur.' });
    expect(result.current.busy).toBe(false);
  });
});

describe('PersonForm', () => {
  it('shows the contract’s messages next to the fields and sends nothing', async () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <MantineProvider>
        <PersonForm organisationId="o1" onSubmit={onSubmit} onCancel={() => {}} />
      </MantineProvider>,
    );
    fireEvent.change(screen.getByLabelText(fr.directory.form.email), { target: { value: 'anne@' } });
    fireEvent.change(screen.getByLabelText(fr.directory.form.phone), { target: { value: '0'.repeat(301) } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    expect(await screen.findByText(fr.directory.person.lastNameRequired)).toBeTruthy();
    expect(screen.getByText(fr.errors.invalidEmail)).toBeTruthy();
    expect(screen.getByText('Ce champ dépasse 300 caractères : raccourcissez-le.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(new RegExp(`^${fr.directory.person.lastName}`)), { target: { value: 'Roux' } });
    fireEvent.change(screen.getByLabelText(fr.directory.form.email), { target: { value: 'anne.roux@ville.fr' } });
    fireEvent.change(screen.getByLabelText(fr.directory.form.phone), { target: { value: '01 23 45 67 89' } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  });
});

describe('NewActionForm', () => {
  it('asks for the title, refuses an end before the start, then sends the channel’s input', async () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <MantineProvider>
        <NewActionForm tree={undefined} partners={[]} onSubmit={onSubmit} onCancel={() => {}} />
      </MantineProvider>,
    );
    const s = fr.strategy.ui;
    fireEvent.change(screen.getByLabelText(s.fields.startDate), { target: { value: '01/05/2026' } });
    fireEvent.change(screen.getByLabelText(s.fields.endDate), { target: { value: '01/04/2026' } });
    fireEvent.click(screen.getByRole('button', { name: s.addAction }));
    expect(await screen.findByText(fr.strategy.errors.titleRequired)).toBeTruthy();
    expect(screen.getByText(fr.strategy.errors.endBeforeStart)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(s.fields.endDate), { target: { value: '31/02/2026' } });
    fireEvent.click(screen.getByRole('button', { name: s.addAction }));
    expect(await screen.findByText(fr.errors.invalidDate)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(new RegExp(`^${s.fields.title}`)), { target: { value: ' Maraudes ' } });
    fireEvent.change(screen.getByLabelText(s.fields.endDate), { target: { value: '30/06/2026' } });
    fireEvent.click(screen.getByRole('button', { name: s.addAction }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ title: 'Maraudes', startDate: '2026-05-01', endDate: '2026-06-30' }));
  });
});
