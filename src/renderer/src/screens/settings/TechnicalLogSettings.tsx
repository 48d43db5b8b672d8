// Paramètres section « Journal technique »: what the log holds (no names, no content) and « Ouvrir le journal technique ».
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';

const t = fr.maintenance.log;

export function TechnicalLogSettings() {
  return (
    <Card withBorder>
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4">
          {t.title}
        </Title>
        <Text size="sm">{t.intro}</Text>
        <Button variant="default" leftSection={<IconFileText size={16} />} onClick={() => void call(api().app.openLog()).catch(() => undefined)}>
          {t.open}
        </Button>
      </Stack>
    </Card>
  );
}
