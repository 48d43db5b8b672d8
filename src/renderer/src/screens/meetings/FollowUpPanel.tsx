// « Suivi des décisions »: open decisions and actions of the instance's previous meetings; each update flows back to the plan.
import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconExternalLink, IconRotate, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { FollowUpRow } from '../../../../shared/contract/meetings';
import { formatDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { ActionStatus } from '../../../../shared/model';
import { api, call } from '../../api';
import { links } from '../../app/registry';

const L = fr.meetings.ui;

export function FollowUpPanel({ meetingId, rows, locked, compact }: { meetingId: string; rows: FollowUpRow[]; locked: boolean; compact?: boolean }) {
  const update = (decisionId: string, patch: { status?: 'open' | 'done' | 'cancelled'; actionStatus?: ActionStatus; progress?: number }) =>
    call(api().meetings.updateFollowUp({ meetingId, decisionId, ...patch }), { mutation: true }).catch(() => undefined);
  return (
    <Stack gap="xs" aria-label={L.followUpTitle}>
      <Text fw={700}>{L.followUpTitle}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {L.followUpEmpty}
        </Text>
      ) : (
        rows.map((r) => (
          <Paper key={r.decision.id} withBorder p="xs" data-testid="followup-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Badge size="xs" variant="light" color={r.decision.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                    {L.decisionKind[r.decision.kind]}
                  </Badge>
                  {r.decision.situationRef ? (
                    <Badge size="xs" variant="outline" color="red" style={{ textTransform: 'none' }}>
                      {fr.meetings.situationRef(r.decision.situationRef)}
                    </Badge>
                  ) : null}
                  <Badge size="xs" variant="dot" color={r.decision.status === 'open' ? 'orange' : 'green'} style={{ textTransform: 'none' }}>
                    {L.decisionStatus[r.decision.status]}
                  </Badge>
                </Group>
                <Text size="sm" fw={600}>
                  {r.decision.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {L.followUpFrom(r.meetingTitle, formatDate(r.meetingDate))}
                  {r.pilotName ? ` · ${L.pilot} : ${r.pilotName}` : ''}
                  {r.decision.dueDate ? ` · ${L.dueDate} : ${formatDate(r.decision.dueDate)}` : ''}
                </Text>
                {r.action ? (
                  <Group gap="xs" mt={4} wrap="wrap">
                    <Text size="xs" component={Link} to={links.action(r.action.id)}>
                      {r.action.code} <IconExternalLink size={10} />
                    </Text>
                    <Select
                      size="xs"
                      w={compact ? 130 : 160}
                      aria-label={`${L.actionStatus} ${r.action.code}`}
                      disabled={locked}
                      data={Object.entries(fr.actionStatus).map(([value, label]) => ({ value, label }))}
                      value={r.action.status}
                      onChange={(v) => v && update(r.decision.id, { actionStatus: v as ActionStatus })}
                      allowDeselect={false}
                    />
                    <NumberInput
                      size="xs"
                      w={90}
                      aria-label={`${L.progress} ${r.action.code}`}
                      suffix=" %"
                      min={0}
                      max={100}
                      disabled={locked}
                      defaultValue={r.action.progress}
                      onBlur={(e) => {
                        const v = Number(e.currentTarget.value.replace(/[^\d]/g, ''));
                        if (Number.isFinite(v) && v !== r.action!.progress) void update(r.decision.id, { progress: Math.min(100, v) });
                      }}
                    />
                  </Group>
                ) : null}
              </Stack>
              {!locked ? (
                <Group gap={4} wrap="nowrap">
                  {r.decision.status === 'open' ? (
                    <>
                      <Tooltip label={L.markDone}>
                        <ActionIcon color="green" variant="light" aria-label={`${L.markDone} : ${r.decision.text}`} onClick={() => update(r.decision.id, { status: 'done' })}>
                          <IconCheck size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={L.markCancelled}>
                        <ActionIcon color="gray" variant="light" aria-label={`${L.markCancelled} : ${r.decision.text}`} onClick={() => update(r.decision.id, { status: 'cancelled' })}>
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </>
                  ) : (
                    <Button size="xs" variant="subtle" leftSection={<IconRotate size={14} />} onClick={() => update(r.decision.id, { status: 'open' })}>
                      {L.reopen}
                    </Button>
                  )}
                </Group>
              ) : null}
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}
