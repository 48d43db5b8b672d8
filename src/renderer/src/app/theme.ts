// Visual theme: sober institutional palette with one accent colour, readable type, visible focus, and colours that pass WCAG AA contrast.
import { Alert, createTheme, Modal, Notification, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { fr } from '../../../shared/i18n';

/*
 * Mantine's default palettes put light tints at shade 6, so white text on a filled badge or button and
 * coloured text on white fall to 2–3.5:1. These keep Mantine's light shades (0–5: backgrounds, borders) and
 * replace the dark ones, a little desaturated to stay calm: shade 6 ≥ 5:1 on white (≥ 4.5:1 on the app
 * background), 7 ≥ 6:1, 8 ≥ 7.5:1, 9 ≥ 9:1 — so `color="x"` filled (white on 6), light (9 on 1), outline and
 * `c="x.6"` text all pass AA. Checked by axe-core in tests/e2e/browser/a11y.spec.ts.
 */
const palettes: Record<string, MantineColorsTuple> = {
  marianne: ['#eef3fb', '#d9e3f4', '#b0c5e8', '#84a5dc', '#5f89d1', '#4777cb', '#1f5fa8', '#1a5295', '#134383', '#0b3570'],
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5f666e', '#495057', '#343a40', '#212529'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#c92222', '#b31c1c', '#a61919', '#8c1d1d'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#d41e5e', '#b92559', '#a01e4c', '#8c1941'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#a52fc3', '#9a32b4', '#832d98', '#702682'],
  violet: ['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#7752e6', '#6940e4', '#582ed5', '#4f32a4'],
  indigo: ['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#4364e4', '#3052e1', '#2546c8', '#2b3f9f'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1b6cb5', '#1865a9', '#155591', '#124a7e'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#137a88', '#126d7b', '#0f5c68', '#0d505d'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#11765a', '#106f53', '#0e5f46', '#0c523d'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#2a7f39', '#237030', '#1d612a', '#195225'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#507b12', '#466d10', '#3b5d0d', '#34510c'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#8d6814', '#825b13', '#744b11', '#693e0f'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#a25516', '#9b4b16', '#8a3d14', '#7d3012'],
};

/** Dimmed text and placeholders readable on white and on the grey app background (Mantine's are 3.3:1 and 2:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-6)',
    '--mantine-color-placeholder': '#6b7480',
    '--mantine-color-error': 'var(--mantine-color-red-7)',
    '--mantine-color-anchor': 'var(--mantine-color-marianne-7)',
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'marianne',
  colors: palettes,
  primaryShade: 6,
  fontFamily: '"DejaVu Sans", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'always',
  components: {
    Button: { defaultProps: { radius: 'sm' } },
    // A dialog opens on its first field (or first button), not on its close cross: the cross stays for the
    // mouse, Escape and « Annuler » do the same from the keyboard. Focus returns to the opener on close.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': fr.a11y.closeDialog, tabIndex: -1 }, returnFocus: true } }),
    // Notifications and closable alerts: their close cross is a button that needs a French name.
    // Their role is status (polite: saves, exports, imports, restores); errors and warnings pass role « alert ».
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': fr.a11y.closeNotice }, role: 'status' } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: fr.a11y.closeNotice } }),
  },
});
