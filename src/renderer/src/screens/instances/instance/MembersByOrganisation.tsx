// Instance page: current members grouped by institution, with their charter state and the per-member actions (sign the charter, end, remove).
import { ActionIcon, Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDoorExit, IconSignature, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { InstanceDetail, MemberRow } from '../../../../../shared/contract/meetings';
import { formatShortDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { useAccess } from '../../../app/access';
import { links } from '../../../app/registry';
import { rowKey, rowList } from '../../../components/rowFocus';
import { WideTable } from '../../../components/WideTable';
import { memberDetails } from './membership';
import type { InstanceEditing } from './useInstanceEditing';

const L = fr.meetings.ui;

function CharterBadge({ row }: { row: MemberRow }) {
  if (row.charterMissing)
    return (
      <Badge size="sm" color="red" variant="light" leftSection={<IconAlertTriangle size={12} />} style={{ textTransform: 'none' }}>
        {L.charterMissing}
      </Badge>
    );
  if (row.membership.charterSignedAt)
    return (
      <Group gap={4} wrap="nowrap">
        <IconCircleCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="xs" c="teal.8">
          {L.charterSignedAt} {formatShortDate(row.membership.charterSignedAt)}
        </Text>
      </Group>
    );
  return null;
}

function MemberActions({ row, confidential, editing }: { row: MemberRow; confidential: boolean; editing: InstanceEditing }) {
  if (!useAccess().canEdit) return null;
  return (
    <Group gap={2} justify="flex-end" wrap="nowrap">
      {confidential && row.charterMissing ? (
        <Tooltip label={L.signCharter}>
          <ActionIcon variant="subtle" aria-label={`${L.signCharter} : ${row.personName}`} onClick={() => void editing.signCharter(row)}>
            <IconSignature size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
      <Tooltip label={L.endMembership}>
        <ActionIcon variant="subtle" aria-label={`${L.endMembership} : ${row.personName}`} onClick={() => editing.end.show(row)}>
          <IconDoorExit size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={L.removeMembership}>
        <ActionIcon variant="subtle" color="red" aria-label={`${L.removeMembership} : ${row.personName}`} onClick={() => void editing.removeMembership(row)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function MembersByOrganisation({ groups, confidential, editing }: { groups: InstanceDetail['byOrganisation']; confidential: boolean; editing: InstanceEditing }) {
  return (
    <>
      <Text fw={700}>{L.membersByOrg}</Text>
      {groups.length === 0 ? (
        <Text c="dimmed" size="sm">
          {L.noMembers}
        </Text>
      ) : (
        // The groups' Stack keeps the parent's gap (md); a member leaving gives the focus to the next one (rowFocus).
        <Stack gap="md" {...rowList('member-groups')}>
          {groups.map((g) => (
            <Paper withBorder p="sm" key={g.organisationId} {...rowKey(g.organisationId)}>
              <Text fw={600} component={Link} to={links.partner(g.organisationId)} c="inherit">
                {g.organisationName}
              </Text>
              <WideTable verticalSpacing={4} mt={4}>
                <Table.Tbody {...rowList(`members-${g.organisationId}`)}>
                  {g.members.map((r) => (
                    <Table.Tr key={r.membership.id} {...rowKey(r.membership.id)}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.personName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {memberDetails(r)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {L.startDate} {formatShortDate(r.membership.startDate)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CharterBadge row={r} />
                      </Table.Td>
                      <Table.Td w={120}>
                        <MemberActions row={r} confidential={confidential} editing={editing} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </WideTable>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
