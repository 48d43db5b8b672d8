// French date field shared by every screen: type JJ/MM/AAAA or pick in a calendar; reports an ISO date, '' when empty, 'invalid' when unreadable.
import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatShortDate } from '../../../shared/format';
import { fr } from '../../../shared/i18n';

export const INVALID_DATE = 'invalid';

/** « 3/3/2026 », « 03/03/2026 » or « 2026-03-03 » → `2026-03-03`; undefined when not a real date. */
export function parseFrenchDate(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  const fr1 = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (fr1) [d, m, y] = [Number(fr1[1]), Number(fr1[2]), Number(fr1[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export function DateField({
  label,
  value,
  onChange,
  error,
  w,
  required,
  ariaLabel,
  disabled,
}: {
  label?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  w?: number;
  required?: boolean;
  ariaLabel?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(value && value !== INVALID_DATE ? formatShortDate(value) : '');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // Follow outside changes (reset after save, calendar pick).
    if (value === '') setText((t) => (parseFrenchDate(t) || t.trim() === '' ? '' : t));
    else if (value !== INVALID_DATE && parseFrenchDate(text) !== value) setText(formatShortDate(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the value changes from outside
  }, [value]);
  const change = (t: string) => {
    setText(t);
    if (!t.trim()) onChange('');
    else onChange(parseFrenchDate(t) ?? INVALID_DATE);
  };
  const name = label ?? ariaLabel ?? '';
  return (
    <TextInput
      label={label}
      aria-label={label ? undefined : ariaLabel}
      placeholder={fr.fields.datePlaceholder}
      value={text}
      onChange={(e) => change(e.currentTarget.value)}
      error={error}
      w={w}
      required={required}
      disabled={disabled}
      inputMode="numeric"
      maxLength={10}
      rightSection={
        <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" aria-label={fr.fields.pickDate(name)} disabled={disabled} onClick={() => setOpen((o) => !o)}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown
            // Escape closes the calendar only, not the dialog around the form: a Mantine modal ignores an
            // Escape whose target carries this attribute, and the popover closes itself on it.
            onFocusCapture={(e) => e.target.setAttribute('data-mantine-stop-propagation', 'true')}
          >
            <DatePicker
              ariaLabels={fr.a11y.datePicker}
              value={value && value !== INVALID_DATE ? value : null}
              defaultDate={value && value !== INVALID_DATE ? value : undefined}
              onChange={(d) => {
                if (d) {
                  setText(formatShortDate(d));
                  onChange(d);
                }
                setOpen(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
