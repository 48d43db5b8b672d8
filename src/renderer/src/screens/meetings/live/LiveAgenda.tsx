// The séance's agenda column: a real list of items (each a button marking the current one), its timers, previous/next, and the minute-by-minute timer announcement.
import { Button, Group, Kbd, Paper, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { fr } from '../../../../../shared/i18n';
import type { AgendaItem } from '../../../../../shared/model';
import { formatClock } from '../badges';

const L = fr.meetings.ui;

/** Seconds spent on an item, the running part included; re-renders every second while it runs. */
function useElapsed(item: AgendaItem): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!item.startedAt) return;
    const t = setInterval(() => tick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [item.startedAt]);
  return (item.elapsedSec ?? 0) + (item.startedAt ? Math.max(0, Math.round((Date.now() - Date.parse(item.startedAt)) / 1000)) : 0);
}

/** The visible clock: not a live region (a screen reader would hear it every second). */
export function ItemTimer({ item }: { item: AgendaItem }) {
  const elapsed = useElapsed(item);
  const over = item.durationMin > 0 && elapsed > item.durationMin * 60;
  if (!elapsed && !item.startedAt) return <Text size="xs" c="dimmed">{L.planned(item.durationMin)}</Text>;
  return (
    <Text size="xs" c={over ? 'red.7' : 'dimmed'} fw={over ? 700 : 400} ff="monospace">
      {formatClock(elapsed)} / {item.durationMin} min{over ? ' ⚠' : ''}
    </Text>
  );
}

/** Says the current item's time politely once a minute (and when it goes over), never every second. */
export function TimerAnnouncer({ item }: { item: AgendaItem | undefined }) {
  return <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">{item?.startedAt ? <MinuteText item={item} /> : null}</VisuallyHidden>;
}

function MinuteText({ item }: { item: AgendaItem }) {
  const minutes = Math.floor(useElapsed(item) / 60);
  // Nothing at minute 0: the item's title was just announced by the focus move.
  return minutes > 0 ? <>{fr.a11y.timerAnnouncement(minutes, item.durationMin)}</> : null;
}

export function LiveAgenda({ items, currentId, onGo, onStep }: { items: AgendaItem[]; currentId: string | undefined; onGo: (id: string) => void; onStep: (delta: number) => void }) {
  return (
    <Paper withBorder p="xs" component="section" aria-labelledby="live-agenda-title">
      <Text fw={700} mb={6} id="live-agenda-title" component="h2" size="md">
        {L.agenda}
      </Text>
      <ScrollArea.Autosize mah="max(220px, calc(100vh - 400px))">
        <Stack gap={2} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item, i) =>
            item.kind === 'section' ? (
              <Text key={item.id} component="li" size="xs" fw={700} tt="uppercase" c="dimmed" mt={6}>
                {item.title}
              </Text>
            ) : (
              <li key={item.id}>
                <UnstyledButton
                  w="100%"
                  aria-current={item.id === currentId ? 'step' : undefined}
                  ref={item.id === currentId ? (el: HTMLButtonElement | null) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
                  onClick={() => onGo(item.id)}
                  p={6}
                  style={{ borderRadius: 6, borderLeft: item.id === currentId ? '4px solid var(--mantine-color-blue-6)' : '4px solid transparent', background: item.id === currentId ? 'var(--mantine-color-blue-0)' : undefined }}
                >
                  <Text size="sm" fw={item.id === currentId ? 700 : 500}>
                    {i + 1}. {item.title}
                  </Text>
                  <Group gap={6}>
                    <ItemTimer item={item} />
                    {item.notes.trim() ? <IconCheck size={12} aria-label={L.notes} /> : null}
                  </Group>
                </UnstyledButton>
              </li>
            ),
          )}
        </Stack>
      </ScrollArea.Autosize>
      <Stack gap={4} mt="xs">
        <Button size="xs" variant="default" fullWidth justify="space-between" leftSection={<IconChevronUp size={14} />} rightSection={<Kbd size="xs">Alt+↑</Kbd>} onClick={() => onStep(-1)}>
          {L.previousItem}
        </Button>
        <Button size="xs" variant="default" fullWidth justify="space-between" leftSection={<IconChevronDown size={14} />} rightSection={<Kbd size="xs">Alt+↓</Kbd>} onClick={() => onStep(1)}>
          {L.nextItem}
        </Button>
      </Stack>
    </Paper>
  );
}
