// The choice of document on the Documents screen: a real radio group (one Tab stop, arrow keys move and select), each card with its icon and help.
import { Group, Radio, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent, IconChartBar, IconClipboardList, IconFileDescription, IconFileText, IconListDetails, IconSignature, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { fr } from '../../../../shared/i18n';

export const KINDS = ['convocation', 'emargement', 'minutes', 'plan', 'fiche', 'dashboard', 'members', 'rules', 'charter', 'charter_review'] as const;
export type Kind = (typeof KINDS)[number];

const t = fr.documents;

const ICONS: Record<Kind, ReactNode> = {
  convocation: <IconCalendarEvent size={20} aria-hidden />,
  emargement: <IconSignature size={20} aria-hidden />,
  minutes: <IconFileText size={20} aria-hidden />,
  plan: <IconListDetails size={20} aria-hidden />,
  fiche: <IconClipboardList size={20} aria-hidden />,
  dashboard: <IconChartBar size={20} aria-hidden />,
  members: <IconUsers size={20} aria-hidden />,
  rules: <IconFileDescription size={20} aria-hidden />,
  charter: <IconSignature size={20} aria-hidden />,
  charter_review: <IconClipboardList size={20} aria-hidden />,
};

export function isKind(v: string | null): v is Kind {
  return !!v && (KINDS as readonly string[]).includes(v);
}

export function DocumentKindPicker({ value, onChange }: { value: Kind; onChange: (k: Kind) => void }) {
  return (
    <Radio.Group value={value} onChange={(v) => isKind(v) && onChange(v)} name="document-kind" label={t.screen.title} labelProps={{ className: 'clspd-visually-hidden' }}>
      <Stack gap="xs">
        {KINDS.map((k) => (
          <Radio.Card key={k} value={k} data-testid={`doc-kind-${k}`} tabIndex={value === k ? 0 : -1} p="sm" radius="md" bg={value === k ? 'blue.0' : undefined} style={{ borderColor: value === k ? 'var(--mantine-color-blue-6)' : undefined }}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <ThemeIcon variant={value === k ? 'filled' : 'light'} size={36} radius="md">
                {ICONS[k]}
              </ThemeIcon>
              <Stack gap={2}>
                <Text fw={600}>{t.kinds[k]}</Text>
                <Text size="xs" c="dimmed">
                  {t.kindHelp[k]}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
