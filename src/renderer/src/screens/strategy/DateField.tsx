// Re-export of the shared French date field (moved to components/), kept for existing imports.
export { DateField, INVALID_DATE, parseFrenchDate } from '../../components/DateField';
