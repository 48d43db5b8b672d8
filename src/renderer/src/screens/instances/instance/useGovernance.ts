// Instance page, governance section: the règlement being edited, the bilan being written, documents being printed, and each change (save a version, save or delete a bilan).
import { useState } from 'react';
import type { GeneratedInfo } from '../../../../../shared/contract/documents';
import { CharterReviewInput, meetingsContract } from '../../../../../shared/contract/meetings';
import type { Instance } from '../../../../../shared/model';
import type { Result } from '../../../../../shared/result';
import { todayIso } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { useFormSubmit } from '../../../components/useFormSubmit';

const G = fr.governance.ui;

export interface ReviewForm {
  year: string;
  reviewedOn: string;
  meetingId: string;
  summary: string;
}

/** A new bilan: this year's, dated today, no meeting. */
export function emptyReview(year: number, today: string = todayIso()): ReviewForm {
  return { year: String(year), reviewedOn: today, meetingId: '', summary: '' };
}

export function useGovernance(instance: Instance) {
  const [rules, setRules] = useState<string | null>(null);
  const [review, setReview] = useState<ReviewForm | null>(null);
  // Each form is checked with its channel's own schema; every message goes next to its field.
  const rulesForm = useFormSubmit('text');
  const reviewForm = useFormSubmit('summary');
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<GeneratedInfo>();

  /** Generates a document; `key` tells which button shows the spinner. */
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
    if (rules === null) return;
    await rulesForm.submit(meetingsContract['instances:saveRules'].input, { instanceId: instance.id, text: rules }, async (input) => {
      await call(api().instances.saveRules(input), { mutation: true, success: G.versionSaved });
      setRules(null);
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
  const deleteReview = (r: { id: string; year: number }) =>
    deleteWithUndo(G.deleteReview(r.year), G.reviewDeleted(r.year), () => api().instances.deleteCharterReview({ instanceId: instance.id, reviewId: r.id })).catch(() => false);

  return { rules, setRules, rulesErrors: rulesForm.errors, review, setReview, reviewErrors: reviewForm.errors, busy, done, print, saveRules, saveReview, deleteReview };
}

export type Governance = ReturnType<typeof useGovernance>;
