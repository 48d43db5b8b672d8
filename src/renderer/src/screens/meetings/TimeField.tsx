// French 24-hour time field (HH:MM) for meetings and attendance: accepts « 9h30 », « 9:30 », « 0930 »; never shows AM/PM.
import { TextInput } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { fr } from '../../../../shared/i18n';
import { parseTime } from './time';

const U = fr.meetings.ux;


/**
 * Controlled by the stored value (HH:MM or ''); calls onCommit with a normalised value when the field is left
 * (or Entrée is pressed) and the text is a valid time; shows a French message otherwise.
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
}: {
  label?: string;
  ariaLabel?: string;
  value: string;
  onCommit: (v: string) => void;
  disabled?: boolean;
  error?: string;
  size?: 'xs' | 'sm';
  w?: number;
}) {
  const [text, setText] = useState(value);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(value);
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
    setText(v);
    if (v !== value) onCommit(v);
  };
  return (
    <TextInput
      label={label}
      aria-label={label ? undefined : ariaLabel}
      placeholder={U.timePlaceholder}
      value={text}
      size={size}
      w={w}
      disabled={disabled}
      inputMode="numeric"
      maxLength={8}
      leftSection={size === 'xs' ? undefined : <IconClock size={16} aria-hidden />}
      error={invalid ? U.invalidTime : error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
