// Renderer test: the instance page's dialogs and the meeting's information checked with their channels' own schemas —
// a refused value calls no save, its message sits under its field, the dialog stays open and the focus goes to the
// first field in error; a right value is saved.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetail, MemberRow } from '../../src/shared/contract/meetings';
import { fr } from '../../src/shared/i18n';
import type { Instance, Meeting, Membership } from '../../src/shared/model';
import { CloseInstanceDialog, EditInstanceDialog } from '../../src/renderer/src/screens/instances/instance/InstanceDialogs';
import { AddMemberDialog, EndMembershipDialog } from '../../src/renderer/src/screens/instances/instance/MemberDialogs';
import { useInstanceEditing } from '../../src/renderer/src/screens/instances/instance/useInstanceEditing';
import { InfoForm } from '../../src/renderer/src/screens/meetings/meeting/InfoForm';
import { clearApi, fakeApi, messageUnder, Providers } from './providers';

const L = fr.meetings.ui;
const ok = (value: unknown = {}) => ({ ok: true, value });
const row = { personName: 'Claire Martin', organisationId: 'o1', organisationName: 'Police nationale', current: true, charterMissing: false, linkedNames: [], membership: { id: 'm1', instanceId: 'i1', personId: 'p1', role: 'designated', seat: 'titular', startDate: '2026-01-05' } as Membership } as MemberRow;
const instance = { id: 'i1', name: 'Cellule — Squats', kind: 'working_group', confidentiality: 'confidential', status: 'active' } as Instance;

function Page() {
  const editing = useInstanceEditing('i1');
  return (
    <>
      <button type="button" onClick={editing.member.show}>ajouter</button>
      <button type="button" onClick={() => editing.end.show(row)}>fin</button>
      <button type="button" onClick={editing.close.show}>clore</button>
      <button type="button" onClick={() => editing.edit.show(instance)}>modifier</button>
      <AddMemberDialog editing={editing} people={[]} history={[row]} confidential />
      <EndMembershipDialog editing={editing} />
      <CloseInstanceDialog editing={editing} />
      <EditInstanceDialog editing={editing} />
    </>
  );
}

/** Opens a dialog of the page and returns it. */
async function open(button: string, title: string): Promise<HTMLElement> {
  render(
    <Providers>
      <Page />
    </Providers>,
  );
  fireEvent.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: title });
}

/** Clicks a dialog's button with the focus on it, as a keyboard or mouse user does. */
function press(name: string) {
  const button = screen.getByRole('button', { name });
  button.focus();
  fireEvent.click(button);
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

afterEach(() => {
  clearApi();
  vi.restoreAllMocks();
});

describe('instance page dialogs', () => {
  it('« Ajouter un membre » refuses a missing person and an unreadable start date under their fields, saves nothing, focuses the person', async () => {
    const add = vi.fn(async () => ok());
    fakeApi({ memberships: { add } });
    const dialog = await open('ajouter', L.addMember);
    type(L.startDate, '31/02/2026');
    press(fr.actions.add);
    const person = screen.getByLabelText(L.person, { selector: 'input' });
    await waitFor(() => expect(messageUnder(person)).toBe(fr.meetings.errors.memberPersonRequired));
    expect(messageUnder(screen.getByLabelText(L.startDate))).toBe(fr.errors.invalidDate);
    expect(add).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(person));
  });

  it('« Fin de mandat » refuses an unreadable date under the field and saves nothing, then ends the mandate', async () => {
    const end = vi.fn(async () => ok());
    fakeApi({ memberships: { end } });
    const dialog = await open('fin', L.endMembershipTitle);
    type(L.endDate, '12/13/2026');
    press(L.endMembership);
    await waitFor(() => expect(messageUnder(screen.getByLabelText(L.endDate))).toBe(fr.errors.invalidDate));
    expect(end).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(true);
    type(L.endDate, '30/06/2026');
    await act(async () => press(L.endMembership));
    expect(end).toHaveBeenCalledWith({ id: 'm1', endDate: '2026-06-30' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: L.endMembershipTitle })).toBeNull());
  });

  it('« Clore l’instance » refuses a missing reason under the field and saves nothing, then closes it', async () => {
    const close = vi.fn(async () => ok());
    fakeApi({ instances: { close } });
    const dialog = await open('clore', L.closeInstance);
    type(L.closedAt, '15/03/2026');
    type(L.closeReason, '   ');
    press(L.closeInstance);
    const reason = screen.getByLabelText(L.closeReason);
    await waitFor(() => expect(messageUnder(reason)).toBe(fr.meetings.errors.closeReasonRequired));
    expect(close).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(reason));
    type(L.closeReason, ' Objectifs atteints ');
    await act(async () => press(L.closeInstance));
    expect(close).toHaveBeenCalledWith({ id: 'i1', closedAt: '2026-03-15', reason: 'Objectifs atteints' });
  });

  it('« Modifier l’instance » refuses an emptied name under the field and saves nothing; a server refusal goes under its field', async () => {
    const update = vi.fn().mockResolvedValueOnce({ ok: false, error: { code: 'conflict', message: 'Une instance active s’appelle déjà « Plénière ».', field: 'name' } }).mockResolvedValueOnce(ok());
    fakeApi({ instances: { update } });
    const dialog = await open('modifier', L.editInstance);
    type(L.colName, ' ');
    press(fr.actions.save);
    await waitFor(() => expect(messageUnder(screen.getByLabelText(L.colName))).toBe(fr.meetings.errors.instanceNameRequired));
    expect(update).not.toHaveBeenCalled();
    type(L.colName, 'Plénière');
    await act(async () => press(fr.actions.save));
    expect(update).toHaveBeenCalledWith(expect.objectContaining({ id: 'i1', patch: expect.objectContaining({ name: 'Plénière' }) }));
    await waitFor(() => expect(messageUnder(screen.getByLabelText(L.colName))).toBe('Une instance active s’appelle déjà « Plénière ».'));
    expect(dialog.isConnected).toBe(true);
  });
});

describe('meeting information (saved field by field)', () => {
  const detail = { meeting: { id: 'mt1', title: 'Cellule de mars', date: '2026-03-12', startTime: '14:00', confidentiality: 'restricted', status: 'draft' } as Meeting, locked: false } as MeetingDetail;

  it('refuses an emptied title and an unreadable date under their fields and saves nothing; a right title is saved', async () => {
    const update = vi.fn(async () => ok());
    fakeApi({ meetings: { update } });
    render(
      <Providers>
        <InfoForm detail={detail} />
      </Providers>,
    );
    const title = screen.getByLabelText(L.title);
    fireEvent.change(title, { target: { value: '  ' } });
    fireEvent.blur(title);
    await waitFor(() => expect(messageUnder(title)).toBe(fr.meetings.errors.meetingTitleRequired));
    type(L.date, '30/02/2026');
    await waitFor(() => expect(messageUnder(screen.getByLabelText(L.date))).toBe(fr.errors.invalidDate));
    expect(update).not.toHaveBeenCalled();
    expect(messageUnder(title)).toBe(fr.meetings.errors.meetingTitleRequired);

    fireEvent.change(title, { target: { value: ' Cellule d’avril ' } });
    await act(async () => fireEvent.blur(title));
    expect(update).toHaveBeenCalledWith({ id: 'mt1', patch: { title: 'Cellule d’avril' } });
    await waitFor(() => expect(messageUnder(title)).toBeUndefined());
  });
});
