// Milestones of a fiche action: tick them done, delete them (with undo), add one with its due date.
import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { MilestoneInput, type ActionDetail } from '../../../../../shared/contract/strategy';
import { formatDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { DateField } from '../../../components/DateField';
import { rowKey, rowList } from '../../../components/rowFocus';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { Section } from './Section';

const s = fr.strategy.ui;

export function Milestones({ detail }: { detail: ActionDetail }) {
  const a = detail.action;
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { errors, submit } = useFormSubmit('title');
  const today = new Date().toISOString().slice(0, 10);
  const add = () =>
    submit(MilestoneInput, { title, dueDate }, async (milestone) => {
      await call(api().actions.addMilestone({ id: a.id, milestone }), { mutation: true, success: s.milestoneAdded });
      setTitle('');
      setDueDate('');
    });
  return (
    <Section title={s.sections.milestones} fallbackFor="milestones">
      {a.milestones.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {s.noMilestone}
        </Text>
      ) : (
        <Stack gap={4} mb="sm" {...rowList('milestones')}>
          {a.milestones.map((m) => (
            <Group key={m.id} {...rowKey(m.id)} justify="space-between" wrap="nowrap">
              <Checkbox
                label={`${m.title} — ${formatDate(m.dueDate)}${m.doneAt ? ` (${s.doneOn(formatDate(m.doneAt))})` : !m.doneAt && m.dueDate < today ? ` — ${s.overdue}` : ''}`}
                checked={Boolean(m.doneAt)}
                disabled={detail.readOnly}
                onChange={(x) => call(api().actions.updateMilestone({ id: a.id, milestoneId: m.id, patch: { doneAt: x.currentTarget.checked ? today : '' } }), { mutation: true })}
              />
              {!detail.readOnly ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={s.deleteMilestone(m.title)}
                  onClick={() => deleteWithUndo(s.deleteMilestone(m.title), s.undoable, () => api().actions.deleteMilestone({ id: a.id, milestoneId: m.id }))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {!detail.readOnly ? (
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput aria-label={s.fields.milestoneTitle} placeholder={s.fields.milestoneTitle} value={title} onChange={(x) => setTitle(x.currentTarget.value)} error={errors.title} style={{ flex: 1 }} />
          <DateField ariaLabel={s.fields.milestoneDate} value={dueDate} onChange={setDueDate} error={errors.dueDate} w={170} />
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={add}>
            {s.addMilestone}
          </Button>
        </Group>
      ) : null}
    </Section>
  );
}
