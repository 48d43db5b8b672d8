// French time field shared by every screen: type « 14 h 30 », « 14h30 » or « 14:30 »; reports `HH:MM`, '' when empty, 'invalid' when unreadable.
import { TextInput } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatTime } from '../../../shared/format';
import { fr } from '../../../shared/i18n';

export const INVALID_TIME = 'invalid';

/** « 14 h 30 », « 14h30 », « 14:30 », « 14.30 », « 9 h », « 9 » → `14:30` / `09:00`; undefined when not a time of day. */
export function parseFrenchTime(text: string): string | undefined {
  const m = /^(\d{1,2})\s*(?:[hH:.]\s*(\d{2})?)?$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function TimeField({
  label,
  value,
  onChange,
  onBlur,
  error,
  w,
  size,
  required,
  disabled,
  ariaLabel,
}: {
  label?: string;
  value: string;
  onChange: (v: string) => void;
  /** Called when the field is left, with the parsed value (for fields saved on blur). */
  onBlur?: (v: string) => void;
  error?: string;
  w?: number;
  size?: 'xs' | 'sm' | 'md';
  required?: boolean;
  disabled?: boolean;
  ariaLabel?: string;
}) {
  const shown = (v: string) => (v && v !== INVALID_TIME ? formatTime(v) : '');
  const [text, setText] = useState(shown(value));
  useEffect(() => {
    // Follow outside changes (reset after save).
    if (value === '') setText((t) => (parseFrenchTime(t) || t.trim() === '' ? '' : t));
    else if (value !== INVALID_TIME && parseFrenchTime(text) !== value) setText(formatTime(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the value changes from outside
  }, [value]);
  const parse = (t: string) => (!t.trim() ? '' : (parseFrenchTime(t) ?? INVALID_TIME));
  return (
    <TextInput
      label={label}
      aria-label={label ? undefined : ariaLabel}
      placeholder={fr.fields.timePlaceholder}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parse(e.currentTarget.value));
      }}
      onBlur={() => {
        const v = parse(text);
        // Tidy what was typed: « 9h » becomes « 9 h ».
        if (v && v !== INVALID_TIME) setText(formatTime(v));
        onBlur?.(v);
      }}
      error={error}
      w={w}
      size={size}
      required={required}
      disabled={disabled}
      maxLength={8}
      rightSection={<IconClock size={16} color="var(--mantine-color-dimmed)" aria-hidden />}
    />
  );
}
