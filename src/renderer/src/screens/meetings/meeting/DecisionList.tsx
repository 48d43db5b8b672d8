// The meeting's decisions and actions under the minutes, each with a link to its fiche action and, until validation, a delete button (with undo).
import { ActionIcon, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fr } from '../../../../../shared/i18n';
import type { Meeting } from '../../../../../shared/model';
import { api } from '../../../api';
import { links } from '../../../app/registry';
import { deleteWithUndo } from '../../../components/confirm';
import { rowFallback, rowKey, rowList } from '../../../components/rowFocus';

const L = fr.meetings.ui;

export function DecisionList({ meeting, locked }: { meeting: Meeting; locked: boolean }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={700} mb={4} {...rowFallback('decisions')}>
        {L.decisions}
      </Text>
      {meeting.decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {L.noDecisions}
        </Text>
      ) : (
        <Stack gap={0} {...rowList('decisions')}>
          {meeting.decisions.map((d) => (
            <Group key={d.id} {...rowKey(d.id)} gap={4} wrap="nowrap" justify="space-between">
              <Text size="sm">
                • {L.decisionKind[d.kind]} : {d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ` : ''}
                {d.text}
                {d.actionId ? (
                  <>
                    {' '}
                    — <Link to={links.action(d.actionId)}>{L.actionSheet}</Link>
                  </>
                ) : null}
              </Text>
              {!locked ? (
                <Tooltip label={L.deleteDecision}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${L.deleteDecision} : ${d.text}`}
                    onClick={() => deleteWithUndo(L.deleteDecision, L.deleteDecisionText, () => api().meetings.deleteDecision({ meetingId: meeting.id, decisionId: d.id })).catch(() => false)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
