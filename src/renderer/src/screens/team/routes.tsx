// Routes contributed by the team-mode screens (the audit log; reached from the account menu, coordinator only).
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { AuditScreen } from './AuditScreen';
import { AUDIT_PATH } from './paths';

export const routes: AppRoute[] = [{ path: AUDIT_PATH, element: <AuditScreen /> }];

export const commands: PaletteCommand[] = [];
