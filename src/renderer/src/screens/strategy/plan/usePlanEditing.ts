// Editing the plan: which dialog is open (also from ?nouvelle=1 and ?axe=1) and every change made from the plan screen.
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ActionInput, PlanTree, TreeAxis } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { links } from '../../../app/registry';
import { useAccess } from '../../../app/access';
import { deleteWithUndo, notifyDeleted } from '../../../components/confirm';
import { focusedPlace, type RowPlace } from '../../../components/rowFocus';

const s = fr.strategy.ui;

export type PlanModal =
  | { kind: 'action'; objectiveId?: string }
  | { kind: 'axis'; id?: string; title?: string; colour?: string; description?: string }
  | { kind: 'objective'; axisId: string; id?: string; title?: string; description?: string }
  | { kind: 'objectiveFull'; id: string; title: string; actionIds: string[] }
  | { kind: 'moveObjective'; id: string; title: string; axisId: string }
  | { kind: 'periods' }
  | null;

export function usePlanEditing(tree: PlanTree | undefined) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // « Nouvelle action » / « Ajouter un axe » from the palette or the dashboard: not for an account that may only read.
  const { canEdit } = useAccess();
  const [modal, setModal] = useState<PlanModal>(canEdit && params.get('nouvelle') === '1' ? { kind: 'action' } : null);
  // The objective row a deletion through « objectiveFull » started from, so that its undo focuses the row again.
  const deletingFrom = useRef<RowPlace | null>(null);
  useEffect(() => {
    if (!canEdit) return;
    if (params.get('nouvelle') === '1') setModal({ kind: 'action' });
    if (params.get('axe') === '1') setModal({ kind: 'axis' });
  }, [params, canEdit]);
  const closeModal = () => {
    setModal(null);
    if (params.get('nouvelle') || params.get('axe')) setParams({});
  };
  const createAction = async (v: ActionInput) => {
    const a = await call(api().actions.create(v), { mutation: true, success: s.actionCreated(v.title.trim()) });
    closeModal();
    navigate(links.action(a.id));
  };
  const saveAxis = async (v: { title: string; colour: string; description: string }) => {
    if (modal?.kind !== 'axis') return;
    if (modal.id) await call(api().axes.update({ id: modal.id, patch: v }), { mutation: true, success: s.axisSaved });
    else await call(api().axes.create(v), { mutation: true, success: s.axisCreated(v.title.trim()) });
    closeModal();
  };
  const saveObjective = async (v: { title: string; description: string }) => {
    if (modal?.kind !== 'objective') return;
    if (modal.id) await call(api().objectives.update({ id: modal.id, patch: v }), { mutation: true, success: s.objectiveSaved });
    else await call(api().objectives.create({ axisId: modal.axisId, ...v }), { mutation: true, success: s.objectiveCreated(v.title.trim()) });
    closeModal();
  };
  const deleteObjective = async (id: string, title: string, actionIds: string[]) => {
    if (actionIds.length) {
      deletingFrom.current = focusedPlace();
      setModal({ kind: 'objectiveFull', id, title, actionIds });
      return;
    }
    try {
      await deleteWithUndo(s.deleteObjectiveTitle, s.deleteObjectiveText(title), () => api().objectives.delete({ id }));
    } catch {
      // the refusal (objective still has actions) is shown as a notification by call()
    }
  };
  const moveAxis = async (axisId: string, dir: -1 | 1) => {
    const ids = (tree?.axes ?? []).map((a) => a.id);
    const i = ids.indexOf(axisId);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await call(api().axes.reorder({ ids }), { mutation: true });
  };
  const moveObjectiveOrder = async (axis: TreeAxis, objectiveId: string, dir: -1 | 1) => {
    const ids = axis.objectives.map((o) => o.id);
    const i = ids.indexOf(objectiveId);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await call(api().objectives.reorder({ axisId: axis.id, ids }), { mutation: true });
  };
  const archiveObjective = async (id: string, archived: boolean) => {
    await call(api().objectives.archive({ id, archived }), { mutation: true, success: archived ? s.objectiveArchived : s.objectiveRestored });
    if (modal?.kind === 'objectiveFull') closeModal();
  };
  const archiveAxis = async (a: TreeAxis) => {
    await call(api().axes.archive({ id: a.id, archived: !a.archived }), { mutation: true, success: a.archived ? s.axisRestored : s.axisArchived });
  };

  const moveActionsThenDelete = async (objective: { id: string; actionIds: string[] }, target: string) => {
    await call(api().actions.move({ ids: objective.actionIds, objectiveId: target }), { mutation: true, success: s.actionsMoved(objective.actionIds.length) });
    // Deleting it was confirmed in the dialog: no second question, the undo is still offered.
    notifyDeleted(await call(api().objectives.delete({ id: objective.id }), { mutation: true }), deletingFrom.current);
    closeModal();
  };
  const moveObjectiveToAxis = async (id: string, axisId: string) => {
    await call(api().objectives.move({ id, axisId }), { mutation: true, success: s.objectiveMoved });
    closeModal();
  };

  return { modal, setModal, closeModal, createAction, saveAxis, saveObjective, deleteObjective, moveAxis, moveObjectiveOrder, archiveObjective, archiveAxis, moveActionsThenDelete, moveObjectiveToAxis };
}

export type PlanEditing = ReturnType<typeof usePlanEditing>;
