// Routes and command-palette entries contributed by the strategy screens (plan, fiche action, suivi par axe).
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { ActionScreen } from './action/ActionScreen';
import { AxisScreen } from './axis/AxisScreen';
import { PlanScreen } from './plan/PlanScreen';

export const routes: AppRoute[] = [
  { path: '/plan', element: <PlanScreen /> },
  { path: '/plan/actions/:id', element: <ActionScreen /> },
  { path: '/plan/axes/:id', element: <AxisScreen /> },
];

export const commands: PaletteCommand[] = [
  { edits: true, id: 'strategy.newAction', label: fr.strategy.ui.addAction, description: fr.strategy.ui.cmdNewAction, to: '/plan?nouvelle=1', keywords: ['fiche', 'action', 'plan'] },
  { edits: true, id: 'strategy.newAxis', label: fr.strategy.ui.addAxis, description: fr.strategy.ui.cmdNewAxis, to: '/plan?axe=1', keywords: ['axe', 'stratégie'] },
  { id: 'strategy.plan', label: fr.strategy.ui.cmdPlan, to: '/plan', keywords: ['plan', 'actions', 'tableau'] },
];
