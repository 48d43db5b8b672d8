// Instance page section for confidential groups: règlement intérieur (versions, edit, print), charter and commitment sheets, yearly bilan de la charte.
import { ActionIcon, Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconFileText, IconPencil, IconPrinter, IconSignature, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { GeneratedInfo } from '../../../../shared/contract/documents';
import type { Result } from '../../../../shared/result';
import { CharterReviewInput, meetingsContract, type InstanceDetail } from '../../../../shared/contract/meetings';
import { formatDate, formatShortDate, todayIso } from '../../../../shared/format';
import { currentRules, rulesText } from '../../../../shared/governance';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { useAppState } from '../../app/appState';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { DateField } from '../../components/DateField';
import { useFormSubmit } from '../../components/useFormSubmit';
import { DocumentStatus } from '../../components/DocumentStatus';

const G = fr.governance.ui;

export function GovernancePanel({ detail }: { detail: InstanceDetail }) {
  const { state } = useAppState();
  const { instance } = detail;
  const [editing, setEditing] = useState<string | null>(null);
  const [review, setReview] = useState<{ year: string; reviewedOn: string; meetingId: string; summary: string } | null>(null);
  const rulesForm = useFormSubmit('text');
  const reviewForm = useFormSubmit('summary');
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<GeneratedInfo>();
  const versions = instance.rulesVersions ?? [];
  const current = currentRules(instance);
  const members = detail.history.filter((r) => r.current);
  const signed = members.filter((r) => r.membership.charterSignedAt).length;
  const reviews = [...(instance.charterReviews ?? [])].sort((a, b) => b.year - a.year);
  const year = new Date().getFullYear();

  const print = async (key: string, run: () => Promise<Result<GeneratedInfo>>) => {
    setBusy(key);
    try {
      setDone(await call(run()));
    } catch {
      setDone(undefined);
    } finally {
      setBusy(undefined);
    }
  };
  const saveRules = async () => {
    if (editing === null) return;
    await rulesForm.submit(meetingsContract['instances:saveRules'].input, { instanceId: instance.id, text: editing }, async (input) => {
      await call(api().instances.saveRules(input), { mutation: true, success: G.versionSaved });
      setEditing(null);
    });
  };
  const saveReview = async () => {
    if (!review) return;
    const values = { instanceId: instance.id, year: Number(review.year), reviewedOn: review.reviewedOn, summary: review.summary, ...(review.meetingId ? { meetingId: review.meetingId } : {}) };
    await reviewForm.submit(CharterReviewInput, values, async (input) => {
      await call(api().instances.saveCharterReview(input), { mutation: true, success: G.reviewSaved });
      setReview(null);
    });
  };
  const d = api().documents;
  return (
    <Paper withBorder p="sm" data-testid="governance-panel">
      <Stack gap="sm">
        <Text fw={700}>{G.section}</Text>
        <Text size="xs" c="dimmed">
          {G.sectionHelp}
        </Text>

        <Stack gap={4}>
          <Group gap={6}>
            <IconFileText size={16} aria-hidden />
            <Text fw={600} size="sm">
              {G.rules}
            </Text>
          </Group>
          <Text size="sm" c={current ? undefined : 'dimmed'}>
            {current ? G.rulesCurrent(formatDate(current.savedAt.slice(0, 10)), versions.length) : G.rulesNone}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => state.settings && setEditing(rulesText(state.settings, instance).text)}>
              {G.editRules}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={busy === 'rules'} onClick={() => print('rules', () => d.rules({ instanceId: instance.id }))}>
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
              onChange={(v) => v && void print('rules', () => d.rules({ instanceId: instance.id, versionId: v }))}
            />
          ) : null}
        </Stack>

        <Stack gap={4}>
          <Group gap={6}>
            <IconSignature size={16} aria-hidden />
            <Text fw={600} size="sm">
              {G.charter}
            </Text>
          </Group>
          <Text size="sm">{G.charterSigned(signed, members.length)}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={busy === 'charter'} onClick={() => print('charter', () => d.charter({ instanceId: instance.id }))}>
              {G.printCharter}
            </Button>
          </Group>
        </Stack>

        <Stack gap={4}>
          <Text fw={600} size="sm">
            {G.review}
          </Text>
          {reviews.length === 0 ? (
            <Text size="sm" c="dimmed">
              {G.reviewNone}
            </Text>
          ) : (
            reviews.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {r.year} — {formatShortDate(r.reviewedOn)}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <Tooltip label={G.printReview(r.year)}>
                    <ActionIcon variant="subtle" aria-label={G.printReview(r.year)} onClick={() => print('review', () => d.charterReview({ instanceId: instance.id, year: r.year }))}>
                      <IconPrinter size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={G.deleteReview(r.year)}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={G.deleteReview(r.year)}
                      onClick={async () => {
                        if (!(await confirmDanger(G.deleteReview(r.year), G.reviewDeleted(r.year)))) return;
                        const del = await call(api().instances.deleteCharterReview({ instanceId: instance.id, reviewId: r.id }), { mutation: true }).catch(() => null);
                        if (del) notifyDeleted(del);
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            ))
          )}
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setReview({ year: String(year), reviewedOn: todayIso(), meetingId: '', summary: '' })}>
              {G.addReview}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={busy === 'review'} onClick={() => print('review', () => d.charterReview({ instanceId: instance.id, year }))}>
              {G.printReview(year)}
            </Button>
          </Group>
        </Stack>

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

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={G.rules} size="xl">
        <Stack gap="sm">
          <Textarea
            label={G.rulesText}
            description={G.rulesTextHelp}
            autosize
            minRows={12}
            maxRows={24}
            data-autofocus
            value={editing ?? ''}
            error={rulesForm.errors.text}
            onChange={(e) => setEditing(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(null)}>
              {fr.actions.cancel}
            </Button>
            <Button onClick={() => void saveRules()}>{G.saveVersion}</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={review !== null} onClose={() => setReview(null)} title={G.addReview} size="lg">
        {review ? (
          <Stack gap="sm">
            <Group grow>
              <Select label={G.reviewYear} data={[year - 1, year].map((y) => String(y))} value={review.year} onChange={(v) => setReview({ ...review, year: v ?? String(year) })} error={reviewForm.errors.year} />
              <DateField label={G.reviewDate} value={review.reviewedOn} onChange={(v) => setReview({ ...review, reviewedOn: v })} error={reviewForm.errors.reviewedOn} />
            </Group>
            <Select
              label={G.reviewMeeting}
              clearable
              data={detail.meetings.map((m) => ({ value: m.id, label: `${formatShortDate(m.date)} — ${m.title}` }))}
              value={review.meetingId || null}
              onChange={(v) => setReview({ ...review, meetingId: v ?? '' })}
              error={reviewForm.errors.meetingId}
            />
            <Textarea label={G.reviewSummary} description={G.reviewSummaryHelp} autosize minRows={5} value={review.summary} onChange={(e) => setReview({ ...review, summary: e.currentTarget.value })} error={reviewForm.errors.summary} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReview(null)}>
                {fr.actions.cancel}
              </Button>
              <Button onClick={() => void saveReview()}>{fr.actions.save}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
