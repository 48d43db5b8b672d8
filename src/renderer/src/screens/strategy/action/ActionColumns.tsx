// The two columns of a fiche action: what it is (texts, partners, milestones, funding, indicators) and how it goes (dates, attachments, journal, meetings).
import { ActionIcon, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ActionDetail } from '../../../../../shared/contract/strategy';
import { formatDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { links } from '../../../app/registry';
import { deleteWithUndo } from '../../../components/confirm';
import { rowFallback, rowKey, rowList } from '../../../components/rowFocus';
import type { ActionModal } from './ActionHeader';
import { Funding } from './Funding';
import { IndicatorCard } from './IndicatorCard';
import { Journal } from './Journal';
import { Milestones } from './Milestones';
import { EditButton, Fields, Section } from './Section';
import { WideTable } from '../../../components/WideTable';

const s = fr.strategy.ui;

interface ColumnProps {
  detail: ActionDetail;
  onOpen: (modal: ActionModal) => void;
}

/** Left column: the fiche's texts and partners, milestones, funding and indicators. */
export function ActionMainColumn({ detail: d, onOpen }: ColumnProps) {
  const a = d.action;
  const ro = d.readOnly;
  return (
    <Stack gap="md">
      <Section title={s.sections.info} action={!ro ? <EditButton onClick={() => onOpen('edit')} /> : null}>
        <Fields
          items={[
            [s.fields.context, a.context],
            [s.fields.description, a.description],
            [s.fields.modalities, a.modalities],
            [s.fields.targetPublic, a.targetPublic],
            [s.fields.territory, a.territory],
            [s.fields.means, a.means],
            [s.fields.nationalMeasures, a.nationalMeasures.join(', ')],
            [s.fields.followingInstance, d.followingInstanceName],
          ]}
        />
      </Section>
      <Section title={s.sections.partners} action={!ro ? <EditButton onClick={() => onOpen('edit')} /> : null}>
        <Fields items={[[s.fields.pilot, [d.pilotName, d.pilotPersonName].filter(Boolean).join(' — ')]]} />
        {a.partners.length ? (
          <WideTable fz="sm" mt="xs" aria-label={s.sections.partners}>
            <Table.Tbody>
              {a.partners.map((p, i) => (
                <Table.Tr key={`${p.organisationId}-${i}`}>
                  <Table.Td>
                    <Anchor href={`#${links.partner(p.organisationId)}`}>{d.partnerNames[p.organisationId] ?? '—'}</Anchor>
                  </Table.Td>
                  <Table.Td>{fr.partnerRole[p.role]}</Table.Td>
                  <Table.Td>{p.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        ) : (
          <Text size="sm" c="dimmed" mt="xs">
            {s.noPartners}
          </Text>
        )}
      </Section>
      <Milestones detail={d} />
      <Funding detail={d} />
      <Section title={s.sections.indicators} action={!ro ? <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onOpen('indicator')} {...rowFallback('indicators')}>{s.addIndicator}</Button> : null}>
        {d.indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {s.noIndicator}
          </Text>
        ) : (
          <Stack gap="lg" {...rowList('indicators')}>
            {d.indicators.map(({ indicator, status }) => (
              <IndicatorCard key={indicator.id} action={a} indicator={indicator} status={status} readOnly={ro} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

/** Right column: calendar, attachments, journal and the meetings that spoke of it. */
export function ActionSideColumn({ detail: d }: { detail: ActionDetail }) {
  const a = d.action;
  const ro = d.readOnly;
  return (
    <Stack gap="md">
      <Section title={s.sections.calendar}>
        <Fields
          items={[
            [s.fields.startDate, a.startDate ? formatDate(a.startDate) : undefined],
            [s.fields.endDate, a.endDate ? formatDate(a.endDate) : undefined],
          ]}
        />
      </Section>
      <Section
        title={s.attachments}
        action={
          !ro ? (
            <Button size="xs" variant="light" leftSection={<IconPaperclip size={14} />} onClick={() => call(api().actions.addAttachment({ id: a.id }), { mutation: true })} {...rowFallback('attachments')}>
              {s.addAttachment}
            </Button>
          ) : null
        }
      >
        <Text size="xs" c="dimmed" mb="xs">
          {s.attachmentsHelp}
        </Text>
        {a.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {s.noAttachment}
          </Text>
        ) : (
          <Stack gap={4} {...rowList('attachments')}>
            {a.attachments.map((att) => (
              <Group key={att.id} {...rowKey(att.id)} justify="space-between" wrap="nowrap">
                <Anchor component="button" size="sm" onClick={() => call(api().actions.openAttachment({ id: a.id, attachmentId: att.id }))} aria-label={s.openAttachment(att.label)} title={att.path}>
                  {att.label}
                </Anchor>
                {!ro ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={s.removeAttachment(att.label)}
                    onClick={() => deleteWithUndo(s.removeAttachment(att.label), s.undoable, () => api().actions.deleteAttachment({ id: a.id, attachmentId: att.id }), fr.actions.confirm)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={s.sections.journal}>
        <Journal entries={a.journal} meetings={d.meetings} deletedMeetingIds={d.deletedMeetingIds} />
      </Section>
      <Section title={s.sections.meetings}>
        {d.meetings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {s.noMeetings}
          </Text>
        ) : (
          <Stack gap="xs">
            {d.meetings.map((m) => (
              <div key={m.id}>
                <Anchor href={`#${links.meeting(m.id)}`} fw={600} size="sm">
                  {m.title} — {formatDate(m.date)}
                </Anchor>
                {m.decisions.map((dec) => (
                  <Text key={dec.id} size="sm" pl="sm">
                    • {dec.text}
                  </Text>
                ))}
              </div>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
