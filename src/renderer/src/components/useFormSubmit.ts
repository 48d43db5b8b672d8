// Form submission shared by every form: the contract's own zod schema checks the values (every field's French message
// next to it), then the save runs, and a refused save's message goes next to its field.
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/validation';
import { ApiError } from '../api';

export type FieldErrors = Record<string, string>;

/** The message about a group or a list of fields (`partners`): its own, or the first about one of its members (`partners.2.role`). */
export function errorUnder(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
}

/** A number field's value as a channel takes it: empty → absent, a number as is, anything else → NaN (refused by the schema). */
export function formNumber(x: number | string): number | undefined {
  if (x === '') return undefined;
  return typeof x === 'number' ? x : Number(x);
}

export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Checks a form's values with a contract input schema (`OrganisationInput`, `MilestoneInput`…): the parsed values, or
 * each field's first French message keyed by its path (`name`, `pilot.organisationId`). `extra` holds the rules that
 * span several fields and are not in the schema (an end before its start); a field's own rule comes first.
 */
export function checkForm<S extends z.ZodType>(schema: S, values: z.input<S>, extra: FieldErrors = {}): FormCheck<z.output<S>> {
  const parsed = schema.safeParse(values);
  const errors = { ...extra, ...(parsed.success ? {} : fieldErrors(parsed.error)) };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: parsed.data as z.output<S> };
}

/**
 * A refused save's message under every tail of the field path it names, so that it lands next to the field whatever
 * wraps the form's values in the channel (`patch.pilot.organisationId` → also `pilot.organisationId`, `organisationId`).
 */
export function serverErrors(field: string, message: string): FieldErrors {
  const parts = field.split('.');
  return Object.fromEntries(parts.map((_, i) => [parts.slice(i).join('.'), message]));
}

/** The dialog or form being submitted (the one holding the focus), where a refusal moves the focus; none for a field saved on its own. */
function submittedScope(): Element | null {
  return typeof document === 'undefined' ? null : (document.activeElement?.closest('[role="dialog"], form') ?? null);
}

export function useFormSubmit(fallbackField: string) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // A refused submission moves the focus to its first field in error, once the messages are shown. `formRef` names the
  // form for browsers where a click does not focus the submit button (Safari, Firefox on macOS).
  const formRef = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState<{ scope: Element } | null>(null);
  useEffect(() => {
    refused?.scope.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);
  const refuse = (found: FieldErrors, scope: Element | null) => {
    setErrors(found);
    if (scope) setRefused({ scope });
  };
  /** Shows `local` errors; when there are none, runs `save` and puts a refused save's message next to its field. */
  const run = async (local: FieldErrors, save: () => Promise<unknown>): Promise<void> => {
    const scope = formRef.current ?? submittedScope();
    if (Object.keys(local).length) return refuse(local, scope);
    setErrors({});
    setBusy(true);
    try {
      await save();
    } catch (err) {
      if (err instanceof ApiError) refuse(serverErrors(err.info.field ?? fallbackField, err.info.message), scope);
    } finally {
      setBusy(false);
    }
  };
  /**
   * Checks `values` with the channel's input schema (see `checkForm`); when every field is right, runs `save` with the
   * parsed values (trimmed, defaults applied) like `run`.
   */
  const submit = async <S extends z.ZodType>(schema: S, values: z.input<S>, save: (data: z.output<S>) => Promise<unknown>, extra: FieldErrors = {}): Promise<void> => {
    const checked = checkForm(schema, values, extra);
    if (!checked.ok) return run(checked.errors, async () => {});
    return run({}, () => save(checked.data));
  };
  return { errors, setErrors, busy, run, submit, formRef };
}
