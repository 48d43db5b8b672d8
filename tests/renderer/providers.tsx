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
