// Import screen, step 2: the preview of the chosen file — summary, file errors and notices, column mapping, the lines, cancel or apply.
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCircleX } from '@tabler/icons-react';
import type { ImportPreview } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';
import { MappingTable } from './MappingTable';
import { PreviewLines } from './PreviewLines';
import type { ImportState } from './useImport';

const T = fr.sharing;

export function PreviewCard({ preview, state }: { preview: ImportPreview; state: ImportState }) {
  const backup = preview.kind === 'backup';
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {T.ui.preview} — {preview.fileName}
          </Title>
          {!backup ? <Text size="sm">{T.ui.summary(preview.summary)}</Text> : null}
        </Group>
        {preview.fileErrors.map((e) => (
          <Alert key={e} color="red" role="alert" icon={<IconCircleX size={18} />}>
            {e}
          </Alert>
        ))}
        {preview.notices.length ? (
          <List size="sm" spacing={2}>
            {preview.notices.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        ) : null}
        {preview.allOrNothing && !backup ? (
          <Text size="xs" c="dimmed">
            {T.ui.allOrNothing}
          </Text>
        ) : null}

        {preview.mapping && preview.fields ? <MappingTable columns={preview.mapping} fields={preview.fields} onRemap={(header, field) => void state.remap(header, field)} /> : null}

        {!backup && preview.lines.length === 0 && !preview.fileErrors.length ? <Alert color="gray">{T.ui.noChanges}</Alert> : null}
        {preview.lines.length ? <PreviewLines lines={preview.lines} state={state} /> : null}

        <Group justify="flex-end">
          <Button variant="default" onClick={state.cancel}>
            {T.ui.cancelImport}
          </Button>
          <Button onClick={() => void state.apply()} loading={state.busy} disabled={!!state.blockedReason} title={state.blockedReason} color={backup ? 'red' : undefined}>
            {backup ? T.ui.restore : T.ui.applyCount(state.kept.length)}
          </Button>
        </Group>
        {state.blockedReason ? (
          <Text size="sm" c="red.8" ta="right">
            {state.blockedReason}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
