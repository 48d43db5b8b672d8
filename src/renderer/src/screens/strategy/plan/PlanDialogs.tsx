// The plan screen's dialogs: new action, axis, objective, periods, an objective that still has actions, moving an objective.
import { Modal } from '@mantine/core';
import type { PlanTree } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { AxisForm, NewActionForm, ObjectiveForm, objectiveOptions } from '../forms';
import { PeriodsPanel } from '../Periods';
import { MoveObjectiveDialog, ObjectiveFullDialog } from './ObjectiveDialogs';
import type { PlanEditing } from './usePlanEditing';

const s = fr.strategy.ui;

export function PlanDialogs({
  editing,
  tree,
  partnerOptions,
  onShowPeriod,
}: {
  editing: PlanEditing;
  tree: PlanTree | undefined;
  partnerOptions: { value: string; label: string }[];
  /** « Afficher » in the periods dialog: show that period's plan. */
  onShowPeriod: (id: string) => void;
}) {
  const { modal, closeModal, createAction, saveAxis, saveObjective, archiveObjective, moveActionsThenDelete, moveObjectiveToAxis } = editing;
  return (
    <>
      <Modal opened={modal?.kind === 'action'} onClose={closeModal} title={s.addAction} size="lg">
        {modal?.kind === 'action' ? (
          <NewActionForm tree={tree} partners={partnerOptions} initialObjectiveId={modal.objectiveId} onSubmit={createAction} onCancel={closeModal} />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'axis'} onClose={closeModal} title={modal?.kind === 'axis' && modal.id ? s.editAxis : s.addAxis}>
        {modal?.kind === 'axis' ? (
          <AxisForm
            initial={modal.id ? { title: modal.title ?? '', colour: modal.colour ?? '#1f5fa8', description: modal.description } : undefined}
            submitLabel={modal.id ? fr.actions.save : s.addAxis}
            onSubmit={saveAxis}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'periods'} onClose={closeModal} title={s.periods.title} size="xl">
        {modal?.kind === 'periods' ? (
          <PeriodsPanel
            onDone={closeModal}
            onShowPeriod={(id) => {
              onShowPeriod(id);
              closeModal();
            }}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'objectiveFull'} onClose={closeModal} title={s.deleteObjectiveTitle}>
        {modal?.kind === 'objectiveFull' ? (
          <ObjectiveFullDialog
            objective={modal}
            options={objectiveOptions(tree).map((g) => ({ ...g, items: g.items.filter((it) => it.value !== modal.id) }))}
            onArchive={() => archiveObjective(modal.id, true)}
            onMovedAndDelete={(target) => moveActionsThenDelete(modal, target)}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'moveObjective'} onClose={closeModal} title={s.moveObjectiveToAxis}>
        {modal?.kind === 'moveObjective' ? (
          <MoveObjectiveDialog
            axes={(tree?.axes ?? []).filter((a) => a.id !== modal.axisId && !a.archived).map((a) => ({ value: a.id, label: a.title }))}
            onMove={(axisId) => moveObjectiveToAxis(modal.id, axisId)}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'objective'} onClose={closeModal} title={modal?.kind === 'objective' && modal.id ? s.editObjective : s.addObjective}>
        {modal?.kind === 'objective' ? (
          <ObjectiveForm
            initial={modal.id ? { title: modal.title ?? '', description: modal.description } : undefined}
            submitLabel={modal.id ? fr.actions.save : s.addObjective}
            onSubmit={saveObjective}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
    </>
  );
}
