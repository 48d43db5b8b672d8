// Import screen (/partage/importer): choose what the file holds, read it in the main process, review each line (old → new, errors), apply.
import { Alert, Button, Card, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconCircleX, IconFileImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { ImportKind } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';
import { teamFiles } from '../../../../../shared/i18n/team-files';
import { importExtensions } from '../../../../../shared/import-files';
import { useAccess } from '../../../app/access';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { useWebSession } from '../../../web/session';
import { ImportProgressBar } from './ImportProgressBar';
import { KINDS } from './importState';
import { PreviewCard } from './PreviewCard';
import { useImport } from './useImport';

const T = fr.sharing;

export function ImportScreen() {
  const navigate = useNavigate();
  const state = useImport();
  // Restoring a complete backup replaces the council's data: the coordinator's (the server refuses it to others).
  const { canEdit, canAdminister } = useAccess();
  const { kind, preview, busy, error, result } = state;
  // In a browser (team server), the file goes to the server: say so, with what it accepts.
  const inBrowser = useWebSession() !== null;
  const header = (
    <PageHeader
      title={T.ui.importScreenTitle}
      subtitle={T.ui.importScreenSubtitle}
      actions={
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/partage')}>
          {T.ui.backToSharing}
        </Button>
      }
    />
  );
  // An account that may only read cannot import: said before any file is chosen (the server refuses it too).
  if (!canEdit)
    return (
      <>
        {header}
        <Alert color="gray">{fr.access.importRefused}</Alert>
      </>
    );

  return (
    <>
      {header}
      <Stack>
        <Card withBorder>
          <Stack gap="sm">
            <Text fw={600} id="import-kind-label">
              {T.ui.step1}
            </Text>
            <SegmentedControl aria-labelledby="import-kind-label" value={kind} onChange={(v) => state.chooseKind(v as ImportKind)} data={KINDS.filter((k) => k !== 'backup' || canAdminister).map((k) => ({ value: k, label: T.dialog.kinds[k] }))} />
            {kind === 'backup' ? <Alert color="yellow">{T.backupIsNotAShare}</Alert> : null}
            {inBrowser ? (
              <Text size="sm" c="dimmed">
                {teamFiles.uploadHint(importExtensions(kind))}
              </Text>
            ) : null}
            <Group>
              <Button leftSection={<IconFileImport size={16} />} onClick={() => void state.choose()} loading={busy && !preview}>
                {preview ? T.ui.chooseAnother : T.dialog.chooseFile}
              </Button>
            </Group>
          </Stack>
        </Card>

        {busy && !preview ? <ImportProgressBar active /> : null}
        {busy && preview ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{T.ui.applying}</Text>
            <Progress value={100} animated striped aria-label={T.ui.applying} />
          </Stack>
        ) : null}
        {error ? (
          <Alert color="red" icon={<IconCircleX size={18} />} role="alert" title={T.import.invalid}>
            {error}
          </Alert>
        ) : null}
        {result ? (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} role="status">
            {result}
          </Alert>
        ) : null}

        {!preview && !error && !result && !busy ? <EmptyState title={T.ui.preview} text={T.ui.emptyPreview} /> : null}
        {preview ? <PreviewCard preview={preview} state={state} /> : null}
      </Stack>
    </>
  );
}
