// Paths of the team-mode screens.
export const AUDIT_PATH = '/equipe/journal';
