// Mantine's PasswordInput marking its field invalid for screen readers (and the form hook's focus) when it shows an error:
// Mantine puts only data-invalid on a password field, never aria-invalid.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef } from 'react';

export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(function PasswordField(props, ref) {
  return <PasswordInput ref={ref} {...props} aria-invalid={props.error ? true : undefined} />;
});
