// Renderer test helpers: the Mantine providers a screen part needs (modals, notifications) and a fake window.api.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider>
      <ModalsProvider>
        <Notifications />
        {children}
      </ModalsProvider>
    </MantineProvider>
  );
}

export function withProviders(children: ReactNode) {
  return <Providers>{children}</Providers>;
}

/** Installs a fake window.api whose listed functions answer what the test says. */
export function fakeApi(domains: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>): void {
  (window as unknown as { api: unknown }).api = domains;
}

/** Removes the fake window.api (call after each test). */
export function clearApi(): void {
  delete (window as unknown as { api?: unknown }).api;
}

/** The error message Mantine shows under a field (the element its aria-describedby names as the error), or undefined. */
export function messageUnder(field: HTMLElement): string | undefined {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((i) => i.includes('error'));
  return ids.map((i) => document.getElementById(i)?.textContent ?? '').join('') || undefined;
}
