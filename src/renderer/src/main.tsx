// Renderer entry: Mantine providers in French, router, and the application.
import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/charts/styles.css';
import './app/global.css';
import 'dayjs/locale/fr';
import dayjs from 'dayjs';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './app/App';
import { WebGate } from './web/WebGate';
import { theme } from './app/theme';
import { installEscapeLayers } from './app/escapeLayers';
import { installRowFocus } from './components/rowFocus';

dayjs.locale('fr');
// Before the first render: its Escape listener must run ahead of every dialog's own.
installEscapeLayers();
// Keeps the focus in a list when the focused row disappears (deleted, archived, filtered out).
installRowFocus();

// No window.api from a preload or a test harness: a browser served by the team server, which logs in first.
const webMode = !('api' in window);

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
      <ModalsProvider labels={{ confirm: 'Confirmer', cancel: 'Annuler' }}>
        <Notifications position="bottom-right" limit={3} autoClose={4000} />
        <HashRouter>
          {webMode ? (
            <WebGate>
              <App />
            </WebGate>
          ) : (
            <App />
          )}
        </HashRouter>
      </ModalsProvider>
    </DatesProvider>
  </MantineProvider>,
);
