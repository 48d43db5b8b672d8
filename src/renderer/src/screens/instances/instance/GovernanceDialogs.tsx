// Instance page, governance section: the dialogs to write a new version of the règlement intérieur and to record the year's bilan de la charte.
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { InstanceDetail } from '../../../../../shared/contract/meetings';
import { formatShortDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { DateField } from '../../../components/DateField';
import type { Governance } from './useGovernance';

const G = fr.governance.ui;

export function RulesDialog({ gov }: { gov: Governance }) {
  const { rules, setRules, rulesErrors } = gov;
  return (
    <Modal opened={rules !== null} onClose={() => setRules(null)} title={G.rules} size="xl">
      <Stack gap="sm">
        <Textarea
          label={G.rulesText}
          description={G.rulesTextHelp}
          autosize
          minRows={12}
          maxRows={24}
          data-autofocus
          value={rules ?? ''}
          error={rulesErrors.text}
          onChange={(e) => setRules(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRules(null)}>
            {fr.actions.cancel}
          </Button>
          <Button onClick={() => void gov.saveRules()}>{G.saveVersion}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReviewDialog({ gov, meetings, year }: { gov: Governance; meetings: InstanceDetail['meetings']; year: number }) {
  const { review, setReview, reviewErrors } = gov;
  return (
    <Modal opened={review !== null} onClose={() => setReview(null)} title={G.addReview} size="lg">
      {review ? (
        <Stack gap="sm">
          <Group grow>
            <Select label={G.reviewYear} data={[year - 1, year].map((y) => String(y))} value={review.year} onChange={(v) => setReview({ ...review, year: v ?? String(year) })} error={reviewErrors.year} />
            <DateField label={G.reviewDate} value={review.reviewedOn} onChange={(v) => setReview({ ...review, reviewedOn: v })} error={reviewErrors.reviewedOn} />
          </Group>
          <Select
            label={G.reviewMeeting}
            clearable
            data={meetings.map((m) => ({ value: m.id, label: `${formatShortDate(m.date)} — ${m.title}` }))}
            value={review.meetingId || null}
            onChange={(v) => setReview({ ...review, meetingId: v ?? '' })}
            error={reviewErrors.meetingId}
          />
          <Textarea label={G.reviewSummary} description={G.reviewSummaryHelp} autosize minRows={5} value={review.summary} onChange={(e) => setReview({ ...review, summary: e.currentTarget.value })} error={reviewErrors.summary} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReview(null)}>
              {fr.actions.cancel}
            </Button>
            <Button onClick={() => void gov.saveReview()}>{fr.actions.save}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
