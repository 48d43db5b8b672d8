// The polite status of a document generation (WCAG 4.1.3): one region that stays mounted and says « Document prêt ».
import { VisuallyHidden } from '@mantine/core';
import { fr } from '../../../shared/i18n';

interface Generated {
  title: string;
  pages: number;
}

/** Announces the generated document (title and pages) once it is ready; `preview` when an aperçu follows it. */
export function DocumentStatus({ done, busy = false, preview = false }: { done: Generated | undefined; busy?: boolean; preview?: boolean }) {
  const pages = done ? fr.documents.screen.pages(done.pages) : '';
  const text = done && !busy ? (preview ? fr.a11y.documentReady(done.title, pages) : fr.a11y.documentGenerated(done.title, pages)) : '';
  return (
    <VisuallyHidden role="status" aria-live="polite" data-testid="document-status">
      {text}
    </VisuallyHidden>
  );
}
