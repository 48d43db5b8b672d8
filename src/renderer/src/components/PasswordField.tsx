// Mantine's PasswordInput made accessible: marked invalid for screen readers (and the form hook's focus) when it shows an
// error — Mantine puts only data-invalid on it — and its show-in-clear button named in French (Mantine's name is
// English) and reachable with Tab (Mantine leaves it to the mouse).
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef } from 'react';
import { fr } from '../../../shared/i18n';

export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(function PasswordField(props, ref) {
  return (
    <PasswordInput
      ref={ref}
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': fr.a11y.showSecret }}
    />
  );
});
