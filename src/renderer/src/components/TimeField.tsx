// French 24-hour time field shared by every screen: type « 14 h 30 », « 14h30 », « 14:30 » or « 0930 »; never AM/PM.
import { TextInput } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatTime } from '../../../shared/format';
import { fr } from '../../../shared/i18n';
import { parseTime } from './time';

const shown = (v: string) => (v ? formatTime(v) : '');

/**
 * Controlled by the stored value (HH:MM or ''): shows it as « 14 h 30 », and calls onCommit with a normalised
 * value when the field is left (or Entrée is pressed) and the text is a time of day; shows a French message otherwise.
 */
export function TimeField({
  label,
  ariaLabel,
  value,
  onCommit,
  disabled,
  error,
  size,
  w,
  required,
}: {
  label?: string;
  ariaLabel?: string;
  value: string;
  onCommit: (v: string) => void;
  disabled?: boolean;
  error?: string;
  size?: 'xs' | 'sm';
  w?: number;
  required?: boolean;
}) {
  const [text, setText] = useState(shown(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(shown(value));
    setInvalid(false);
  }, [value]);
  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false);
      if (value !== '') onCommit('');
      return;
    }
    const v = parseTime(text);
    if (!v) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setText(shown(v));
    if (v !== value) onCommit(v);
  };
  return (
    <TextInput
      label={label}
      aria-label={label ? undefined : ariaLabel}
      placeholder={fr.fields.timePlaceholder}
      value={text}
      size={size}
      w={w}
      required={required}
      disabled={disabled}
      maxLength={8}
      leftSection={size === 'xs' ? undefined : <IconClock size={16} aria-hidden />}
      error={invalid ? fr.errors.invalidTime : error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
