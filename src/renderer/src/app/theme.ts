// Visual theme: sober institutional palette with one accent colour, readable type, visible focus.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'marianne',
  colors: {
    marianne: ['#eef3fb', '#d9e3f4', '#b0c5e8', '#84a5dc', '#5f89d1', '#4777cb', '#1f5fa8', '#1a5295', '#134383', '#0b3570'],
  },
  primaryShade: 6,
  fontFamily: '"DejaVu Sans", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'always',
  components: {
    Button: { defaultProps: { radius: 'sm' } },
  },
});
