// Instance page section for confidential groups: règlement intérieur (versions, edit, print), charter and commitment sheets, yearly bilan de la charte.
import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileText, IconPencil, IconPrinter, IconSignature, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { InstanceDetail } from '../../../../../shared/contract/meetings';
import { formatDate, formatShortDate } from '../../../../../shared/format';
import { currentRules, rulesText } from '../../../../../shared/governance';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { EditOnly } from '../../../app/access';
import { useAppState } from '../../../app/appState';
import { DocumentStatus } from '../../../components/DocumentStatus';
import { rowFallback, rowKey, rowList } from '../../../components/rowFocus';
import { ReviewDialog, RulesDialog } from './GovernanceDialogs';
import { emptyReview, useGovernance, type Governance } from './useGovernance';

const G = fr.governance.ui;

/** A sub-section: its icon and title, then its content. */
function Part({ icon, title, children }: { icon?: ReactNode; title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Group gap={6}>
        {icon}
        <Text fw={600} size="sm">
          {title}
        </Text>
      </Group>
      {children}
    </Stack>
  );
}

function RulesPart({ detail, gov }: { detail: InstanceDetail; gov: Governance }) {
  const { state } = useAppState();
  const { instance } = detail;
  const versions = instance.rulesVersions ?? [];
  const current = currentRules(instance);
  const d = api().documents;
  return (
    <Part icon={<IconFileText size={16} aria-hidden />} title={G.rules}>
      <Text size="sm" c={current ? undefined : 'dimmed'}>
        {current ? G.rulesCurrent(formatDate(current.savedAt.slice(0, 10)), versions.length) : G.rulesNone}
      </Text>
      <Group gap="xs">
        <EditOnly>
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => state.settings && gov.setRules(rulesText(state.settings, instance).text)}>
            {G.editRules}
          </Button>
        </EditOnly>
        <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={gov.busy === 'rules'} onClick={() => void gov.print('rules', () => d.rules({ instanceId: instance.id }))}>
          {G.printRules}
        </Button>
      </Group>
      {versions.length > 1 ? (
        <Select
          size="xs"
          label={G.versions}
          placeholder={G.versions}
          data={[...versions].reverse().map((v) => ({ value: v.id, label: G.printVersion(formatShortDate(v.savedAt.slice(0, 10))) }))}
          value={null}
          onChange={(v) => v && void gov.print('rules', () => d.rules({ instanceId: instance.id, versionId: v }))}
        />
      ) : null}
    </Part>
  );
}

function ReviewsPart({ detail, gov, year }: { detail: InstanceDetail; gov: Governance; year: number }) {
  const { instance } = detail;
  const reviews = [...(instance.charterReviews ?? [])].sort((a, b) => b.year - a.year);
  const d = api().documents;
  return (
    <Part title={G.review}>
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          {G.reviewNone}
        </Text>
      ) : (
        <Stack gap={4} {...rowList('charter-reviews')}>
          {reviews.map((r) => (
            <Group key={r.id} {...rowKey(r.id)} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {r.year} — {formatShortDate(r.reviewedOn)}
              </Text>
              <Group gap={2} wrap="nowrap">
                <Tooltip label={G.printReview(r.year)}>
                  <ActionIcon variant="subtle" aria-label={G.printReview(r.year)} onClick={() => void gov.print('review', () => d.charterReview({ instanceId: instance.id, year: r.year }))}>
                    <IconPrinter size={16} />
                  </ActionIcon>
                </Tooltip>
                <EditOnly>
                  <Tooltip label={G.deleteReview(r.year)}>
                    <ActionIcon variant="subtle" color="red" aria-label={G.deleteReview(r.year)} onClick={() => void gov.deleteReview(r)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </EditOnly>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Group gap="xs">
        <EditOnly>
          <Button size="xs" variant="default" onClick={() => gov.setReview(emptyReview(year))} {...rowFallback('charter-reviews')}>
            {G.addReview}
          </Button>
        </EditOnly>
        <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={gov.busy === 'review'} onClick={() => void gov.print('review', () => d.charterReview({ instanceId: instance.id, year }))}>
          {G.printReview(year)}
        </Button>
      </Group>
    </Part>
  );
}

export function GovernancePanel({ detail }: { detail: InstanceDetail }) {
  const { instance } = detail;
  const gov = useGovernance(instance);
  const { busy, done } = gov;
  const members = detail.history.filter((r) => r.current);
  const signed = members.filter((r) => r.membership.charterSignedAt).length;
  const year = new Date().getFullYear();
  return (
    <Paper withBorder p="sm" data-testid="governance-panel">
      <Stack gap="sm">
        <Text fw={700}>{G.section}</Text>
        <Text size="xs" c="dimmed">
          {G.sectionHelp}
        </Text>
        <RulesPart detail={detail} gov={gov} />
        <Part icon={<IconSignature size={16} aria-hidden />} title={G.charter}>
          <Text size="sm">{G.charterSigned(signed, members.length)}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={busy === 'charter'} onClick={() => void gov.print('charter', () => api().documents.charter({ instanceId: instance.id }))}>
              {G.printCharter}
            </Button>
          </Group>
        </Part>
        <ReviewsPart detail={detail} gov={gov} year={year} />

        <DocumentStatus done={done} busy={!!busy} />
        {done ? (
          <Alert color="gray" variant="light">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {done.title} — {fr.meetings.ux.plural(done.pages, 'page', 'pages')}
              </Text>
              <Button size="xs" onClick={() => call(api().documents.saveAs({ token: done.token })).catch(() => undefined)}>
                {fr.meetings.ui.docSaveAs}
              </Button>
            </Group>
          </Alert>
        ) : null}
      </Stack>
      <RulesDialog gov={gov} />
      <ReviewDialog gov={gov} meetings={detail.meetings} year={year} />
    </Paper>
  );
}
