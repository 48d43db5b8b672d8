// « Mettre à jour » dialog of a fiche action: status, progress and a comment in one step (Entrée records).
import { NumberInput, Select, Slider, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatPercent } from '../../../../../shared/format';
import { ProgressUpdate } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import type { Action, ActionStatus } from '../../../../../shared/model';
import { api, call } from '../../../api';
import { FormActions } from '../../../components/FormActions';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { optionsOf } from './text';

const s = fr.strategy.ui;

export function QuickUpdate({ action, onDone }: { action: Action; onDone: () => void }) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [progress, setProgress] = useState<number>(action.progress);
  const [comment, setComment] = useState('');
  const { errors, busy, submit: check } = useFormSubmit('comment');
  const submit = () =>
    check(ProgressUpdate, { status, progress, comment: comment || undefined }, async (update) => {
      await call(api().actions.updateProgress({ id: action.id, update }), { mutation: true, success: s.updated });
      onDone();
    });
  return (
    <Stack>
      <Select label={s.fields.status} data={optionsOf(fr.actionStatus)} value={status} onChange={(v) => v && setStatus(v as ActionStatus)} allowDeselect={false} />
      <div>
        {/* The field an update is about: focused when the dialog opens; Entrée records. */}
        <NumberInput data-autofocus label={s.fields.progress} suffix=" %" min={0} max={100} clampBehavior="none" value={progress} onChange={(v) => setProgress(typeof v === 'number' ? v : Number(v))} error={errors.progress} onKeyDown={(k) => k.key === 'Enter' && void submit()} />
        <Slider mt="xs" value={Math.min(100, Math.max(0, progress || 0))} onChange={setProgress} step={5} label={(v) => formatPercent(v)} thumbLabel={s.fields.progress} />
      </div>
      <Textarea label={s.fields.comment} description={s.commentHelp} autosize minRows={2} value={comment} onChange={(x) => setComment(x.currentTarget.value)} error={errors.comment} />
      <FormActions onCancel={onDone} onSubmit={submit} busy={busy} />
    </Stack>
  );
}
