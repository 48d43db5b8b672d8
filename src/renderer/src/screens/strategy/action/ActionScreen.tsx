// Fiche action (route /plan/actions/:id): loads the action and lays out its header, two columns and dialogs.
import { Alert, Grid, Modal } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { fr } from '../../../../../shared/i18n';
import { api, useQuery } from '../../../api';
import { useAccess } from '../../../app/access';
import { ActionMainColumn, ActionSideColumn } from './ActionColumns';
import { ActionHeader, type ActionModal } from './ActionHeader';
import { EditSheet } from './EditSheet';
import { IndicatorForm } from './IndicatorForm';
import { MoveForm } from './MoveForm';
import { QuickUpdate } from './QuickUpdate';

const s = fr.strategy.ui;

export function ActionScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().actions.get({ id }), [id]);
  const { canEdit } = useAccess();
  const [modal, setModal] = useState<ActionModal | null>(null);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return null;
  // An account that may only read sees the fiche as an archived one: no edit control (the archive notice stays for archives).
  const d = canEdit ? q.data : { ...q.data, readOnly: true };
  const a = d.action;
  const close = () => setModal(null);

  return (
    <>
      <ActionHeader detail={d} onOpen={setModal} />
      {q.data.readOnly ? (
        <Alert color="gray" mb="md" icon={<IconArchive size={18} />}>
          {fr.errors.readOnlyArchive}
        </Alert>
      ) : null}
      {a.archived ? (
        <Alert color="gray" mb="md">
          {s.actionIsArchived}
        </Alert>
      ) : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ActionMainColumn detail={d} onOpen={setModal} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ActionSideColumn detail={d} />
        </Grid.Col>
      </Grid>

      <Modal opened={modal === 'update'} onClose={close} title={s.quickUpdateTitle(a.code)}>
        {modal === 'update' ? <QuickUpdate action={a} onDone={close} /> : null}
      </Modal>
      <Modal opened={modal === 'edit'} onClose={close} title={s.editSheet} size="xl">
        {modal === 'edit' ? <EditSheet detail={d} onDone={close} /> : null}
      </Modal>
      <Modal opened={modal === 'indicator'} onClose={close} title={s.addIndicator} size="lg">
        {modal === 'indicator' ? <IndicatorForm actionId={a.id} onDone={close} /> : null}
      </Modal>
      <Modal opened={modal === 'move'} onClose={close} title={s.moveAction}>
        {modal === 'move' ? <MoveForm action={a} onDone={close} /> : null}
      </Modal>
    </>
  );
}
