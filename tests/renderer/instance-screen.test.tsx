// Renderer test: the instance page's logic — what « Ajouter un membre » sends, a member's line, the titular choices, the
// edit form — and its changes: removing a member with undo, a refused removal offering the end of the mandate instead,
// a refused addition shown under its field and the dialog kept open; the bilan de la charte checked with its schema, saved (refusal by field) and deleted with undo.
import { act, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemberRow } from '../../src/shared/contract/meetings';
import { fr } from '../../src/shared/i18n';
import type { Instance, Membership } from '../../src/shared/model';
import { AddMemberDialog, EndMembershipDialog } from '../../src/renderer/src/screens/instances/instance/MemberDialogs';
import { emptyMemberForm, instanceForm, memberDetails, memberInput, personOptions, titularOptions } from '../../src/renderer/src/screens/instances/instance/membership';
import { useInstanceEditing } from '../../src/renderer/src/screens/instances/instance/useInstanceEditing';
import { emptyReview, useGovernance } from '../../src/renderer/src/screens/instances/instance/useGovernance';
import { INVALID_DATE } from '../../src/renderer/src/components/DateField';
import { clearApi, fakeApi, Providers } from './providers';

const L = fr.meetings.ui;

function row(over: Omit<Partial<MemberRow>, 'membership'> & { membership?: Partial<Membership> } = {}): MemberRow {
  const { membership, ...rest } = over;
  return {
    personName: 'Claire Martin',
    organisationId: 'o1',
    organisationName: 'Police nationale',
    current: true,
    charterMissing: false,
    linkedNames: [],
    ...rest,
    membership: { id: 'm1', instanceId: 'i1', personId: 'p1', role: 'designated', seat: 'titular', startDate: '2026-01-05', ...membership } as Membership,
  };
}

afterEach(() => {
  clearApi();
  vi.restoreAllMocks();
});

describe('instance page: membership values', () => {
  it('sends the titular only for a substitute and the charter date only when given', () => {
    const base = { ...emptyMemberForm('2026-03-02'), personId: 'p9' };
    expect(memberInput('i1', { ...base, titularMembershipId: 'm1' })).toEqual({ instanceId: 'i1', personId: 'p9', role: 'designated', seat: 'titular', startDate: '2026-03-02' });
    expect(memberInput('i1', { ...base, seat: 'substitute', titularMembershipId: 'm1', charterSignedAt: '2026-03-01' })).toEqual({
      instanceId: 'i1',
      personId: 'p9',
      role: 'designated',
      seat: 'substitute',
      startDate: '2026-03-02',
      titularMembershipId: 'm1',
      charterSignedAt: '2026-03-01',
    });
    expect(memberInput('i1', { ...base, seat: 'substitute' })).not.toHaveProperty('titularMembershipId');
  });

  it('writes a member’s line with their job, role, seat and linked people', () => {
    expect(memberDetails(row({ jobTitle: 'Commissaire' }))).toBe(`Commissaire · ${fr.memberRole.designated} · Titulaire`);
    expect(memberDetails(row({ linkedNames: ['Paul Roux'] }))).toBe(`${fr.memberRole.designated} · Titulaire · Suppléant : Paul Roux`);
    expect(memberDetails(row({ linkedNames: ['Paul Roux', 'Ana Diaz'] }))).toBe(`${fr.memberRole.designated} · Titulaire · Suppléants : Paul Roux, Ana Diaz`);
    expect(memberDetails(row({ linkedNames: ['Claire Martin'], membership: { seat: 'substitute' } }))).toBe(`${fr.memberRole.designated} · Suppléant · ${L.titularOf} : Claire Martin`);
  });

  it('offers only current titulars as the person a substitute stands in for, and names people with their job', () => {
    const history = [row(), row({ membership: { id: 'm2', seat: 'substitute' } }), row({ current: false, membership: { id: 'm3' } })];
    expect(titularOptions(history)).toEqual([{ value: 'm1', label: 'Claire Martin — Police nationale' }]);
    expect(personOptions([{ id: 'p1', firstName: 'Ana', lastName: 'Diaz', jobTitle: 'Principale' }, { id: 'p2', firstName: 'Paul', lastName: 'Roux' }] as never)).toEqual([
      { value: 'p1', label: 'Ana Diaz (Principale)' },
      { value: 'p2', label: 'Paul Roux' },
    ]);
  });

  it('starts the edit form from the instance, absent texts as empty fields', () => {
    const instance = { id: 'i1', name: 'CLSPD plénière', theme: 'Tranquillité', confidentiality: 'public' } as Instance;
    expect(instanceForm(instance)).toEqual({ name: 'CLSPD plénière', purpose: '', cadence: '', theme: 'Tranquillité', territory: '', confidentiality: 'public' });
  });
});

describe('instance page: changes', () => {
  it('removes a member after confirmation and offers the undo', async () => {
    const remove = vi.fn(async () => ({ ok: true as const, value: { undoToken: 'u1', label: 'Membre retiré.' } }));
    fakeApi({ memberships: { remove } });
    const { result } = renderHook(() => useInstanceEditing('i1'), { wrapper: Providers });
    let done!: Promise<void>;
    act(() => {
      done = result.current.removeMembership(row());
    });
    expect(await screen.findByText('Claire Martin — Police nationale')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: fr.actions.delete }));
    await act(() => done);
    expect(remove).toHaveBeenCalledWith({ id: 'm1' });
    expect(await screen.findByText('Membre retiré.')).toBeTruthy();
    expect(result.current.end.row).toBeNull();
  });

  it('a refused removal shows why on the page (no extra notification) and opens the end of mandate instead', async () => {
    const message = 'Cette personne figure dans des réunions : mettez fin à son mandat plutôt.';
    fakeApi({ memberships: { remove: async () => ({ ok: false, error: { code: 'conflict', message } }) } });
    const { result } = renderHook(() => useInstanceEditing('i1'), { wrapper: Providers });
    let done!: Promise<void>;
    act(() => {
      done = result.current.removeMembership(row());
    });
    fireEvent.click(await screen.findByRole('button', { name: fr.actions.delete }));
    await act(() => done);
    expect(result.current.error).toBe(message);
    expect(result.current.end.row?.membership.id).toBe('m1');
    expect(screen.queryByText('Action impossible')).toBeNull();
  });

  it('keeps the add dialog open with the refusal, closes it once the member is added', async () => {
    const add = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'conflict', message: 'Cette personne est déjà membre.' } })
      .mockResolvedValueOnce({ ok: true, value: { id: 'm9' } });
    fakeApi({ memberships: { add } });
    const { result } = renderHook(() => useInstanceEditing('i1'), { wrapper: Providers });
    act(() => {
      result.current.member.show();
      result.current.member.setForm((f) => ({ ...f, personId: 'p9' }));
    });
    await act(() => result.current.member.submit());
    // A refusal naming no field goes under the person: it is about who is added.
    expect(result.current.member.errors).toEqual({ personId: 'Cette personne est déjà membre.' });
    expect(result.current.member.open).toBe(true);
    await act(() => result.current.member.submit());
    expect(result.current.member.errors).toEqual({});
    expect(result.current.member.open).toBe(false);
    expect(add).toHaveBeenLastCalledWith(expect.objectContaining({ instanceId: 'i1', personId: 'p9', seat: 'titular' }));
  });
});

describe('instance page: dialogs', () => {
  function Page({ rows }: { rows: MemberRow[] }) {
    const editing = useInstanceEditing('i1');
    return (
      <>
        <button type="button" onClick={() => void editing.removeMembership(rows[0])}>
          retirer
        </button>
        <button type="button" onClick={editing.member.show}>
          ajouter
        </button>
        <AddMemberDialog editing={editing} people={[]} history={rows} confidential />
        <EndMembershipDialog editing={editing} />
      </>
    );
  }

  it('a refused removal opens « Fin de mandat » for that member', async () => {
    fakeApi({ memberships: { remove: async () => ({ ok: false, error: { code: 'conflict', message: 'Refusé.' } }) } });
    render(
      <Providers>
        <Page rows={[row()]} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'retirer' }));
    fireEvent.click(await screen.findByRole('button', { name: fr.actions.delete }));
    const dialog = await screen.findByRole('dialog', { name: L.endMembershipTitle });
    expect(dialog.textContent).toContain('Claire Martin — Police nationale');
  });

  it('asks for the titular only for a substitute, and for the charter date in a confidential group', async () => {
    render(
      <Providers>
        <Page rows={[row()]} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'ajouter' }));
    const dialog = await screen.findByRole('dialog', { name: L.addMember });
    expect(dialog.textContent).toContain(L.charterSignedAt);
    expect(screen.queryByRole('textbox', { name: L.titularOf })).toBeNull();
  });
});

describe('instance page: governance (règlement, bilan de la charte)', () => {
  const instance = { id: 'i1', name: 'Cellule — Squats', confidentiality: 'confidential' } as Instance;

  it('checks the bilan with the contract’s schema (unreadable date under its field, nothing sent); a refusal goes under its field; saved closes it', async () => {
    const save = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', message: 'L’année du bilan est trop loin de sa date.', field: 'year' } })
      .mockResolvedValueOnce({ ok: true, value: {} });
    fakeApi({ instances: { saveCharterReview: save } });
    const { result } = renderHook(() => useGovernance(instance), { wrapper: Providers });
    act(() => result.current.setReview({ ...emptyReview(2026, '2026-03-02'), reviewedOn: INVALID_DATE }));
    await act(() => result.current.saveReview());
    expect(save).not.toHaveBeenCalled();
    expect(result.current.reviewErrors.reviewedOn).toBeTruthy();

    act(() => result.current.setReview({ ...emptyReview(2026, '2026-03-02'), summary: 'Relue en séance.' }));
    await act(() => result.current.saveReview());
    expect(save).toHaveBeenCalledWith({ instanceId: 'i1', year: 2026, reviewedOn: '2026-03-02', summary: 'Relue en séance.' });
    expect(result.current.reviewErrors).toEqual({ year: 'L’année du bilan est trop loin de sa date.' });
    expect(result.current.review).not.toBeNull();

    act(() => result.current.setReview({ ...emptyReview(2026, '2026-03-02'), meetingId: 'mt1' }));
    await act(() => result.current.saveReview());
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ meetingId: 'mt1' }));
    expect(result.current.reviewErrors).toEqual({});
    expect(result.current.review).toBeNull();
  });

  it('deletes a bilan after confirmation and offers the undo', async () => {
    const del = vi.fn(async () => ({ ok: true as const, value: { undoToken: 'u2', label: 'Bilan 2025 de la charte supprimé' } }));
    fakeApi({ instances: { deleteCharterReview: del } });
    const { result } = renderHook(() => useGovernance(instance), { wrapper: Providers });
    let done!: Promise<boolean>;
    act(() => {
      done = result.current.deleteReview({ id: 'r1', year: 2025 });
    });
    fireEvent.click(await screen.findByRole('button', { name: fr.actions.delete }));
    expect(await act(() => done)).toBe(true);
    expect(del).toHaveBeenCalledWith({ instanceId: 'i1', reviewId: 'r1' });
    const label = await screen.findByText('Bilan 2025 de la charte supprimé');
    expect(within(label.parentElement!).getByRole('button', { name: fr.actions.undo })).toBeTruthy();
  });
});
