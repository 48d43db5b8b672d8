// Paramètres sections that belong to this computer rather than to the council's data: updates and the technical log.
import { TechnicalLogSettings } from './TechnicalLogSettings';
import { UpdatesSettings } from './UpdatesSettings';

export function ComputerSettings() {
  return (
    <>
      <UpdatesSettings />
      <TechnicalLogSettings />
    </>
  );
}
