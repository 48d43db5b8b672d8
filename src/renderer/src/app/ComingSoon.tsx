// Placeholder for a section whose screens are not delivered yet: says so plainly, pretends nothing.
import { fr } from '../../../shared/i18n';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function ComingSoon({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Bientôt disponible" text={fr.comingSoon} />
    </>
  );
}
