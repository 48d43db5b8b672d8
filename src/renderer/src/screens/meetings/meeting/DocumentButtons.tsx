// Generates the meeting's documents (convocation, feuille d'émargement, compte rendu) through the documents channels, then offers « Enregistrer sous… ».
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { DocumentStatus } from '../../../components/DocumentStatus';

const L = fr.meetings.ui;
type Kind = 'convocation' | 'emargement' | 'minutes';

export function DocumentButtons({ meetingId, hasMinutes }: { meetingId: string; hasMinutes: boolean }) {
  const [busy, setBusy] = useState<Kind>();
  const [done, setDone] = useState<{ title: string; pages: number; token: string; warnings: string[] }>();
  const run = async (kind: Kind) => {
    setBusy(kind);
    try {
      const d = api().documents;
      const info = await call(kind === 'convocation' ? d.convocation({ meetingId }) : kind === 'emargement' ? d.emargement({ meetingId }) : d.minutes({ meetingId }));
      setDone(info);
    } catch {
      setDone(undefined);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" loading={busy === 'convocation'} onClick={() => run('convocation')}>
          {L.docConvocation}
        </Button>
        <Button variant="default" loading={busy === 'emargement'} onClick={() => run('emargement')}>
          {L.docSignIn}
        </Button>
        <Button variant="default" loading={busy === 'minutes'} disabled={!hasMinutes} onClick={() => run('minutes')} title={hasMinutes ? undefined : L.docMinutesDisabled}>
          {L.docMinutes}
        </Button>
      </Group>
      <DocumentStatus done={done} busy={!!busy} />
      {done ? (
        <Paper withBorder p="sm">
          <Group justify="space-between">
            <Text size="sm">
              {done.title} — {fr.meetings.ux.plural(done.pages, 'page', 'pages')}
            </Text>
            <Button size="xs" onClick={() => call(api().documents.saveAs({ token: done.token })).catch(() => undefined)}>
              {L.docSaveAs}
            </Button>
          </Group>
          {done.warnings.map((w) => (
            <Text key={w} size="xs" c="orange.8">
              {w}
            </Text>
          ))}
        </Paper>
      ) : null}
    </Stack>
  );
}
