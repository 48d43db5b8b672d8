// Quick capture of the séance: « Décision » (Ctrl+D) and « Action » (Ctrl+Maj+A), with what was already noted on the current item.
import { Badge, Button, Kbd, Paper, Stack, Text } from '@mantine/core';
import { IconBolt, IconListCheck } from '@tabler/icons-react';
import { fr } from '../../../../../shared/i18n';
import type { Decision } from '../../../../../shared/model';

const L = fr.meetings.ui;

export function CapturePanel({ decisions, locked, onCapture }: { decisions: Decision[]; locked: boolean; onCapture: (kind: 'decision' | 'action') => void }) {
  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <Button fullWidth justify="space-between" leftSection={<IconListCheck size={16} />} rightSection={<Kbd size="xs">Ctrl+D</Kbd>} onClick={() => onCapture('decision')} disabled={locked}>
          {L.captureDecision}
        </Button>
        <Button fullWidth justify="space-between" variant="light" leftSection={<IconBolt size={16} />} rightSection={<Kbd size="xs">Ctrl+Maj+A</Kbd>} onClick={() => onCapture('action')} disabled={locked}>
          {L.captureAction}
        </Button>
      </Stack>
      {decisions.length ? (
        <Stack gap={4} mt="xs">
          {decisions.map((d) => (
            <Text key={d.id} size="xs" data-testid="captured">
              <Badge size="xs" variant="light" color={d.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                {L.decisionKind[d.kind]}
              </Badge>{' '}
              {d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ` : ''}
              {d.text}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
