// The meetings services, gathered: lifecycle, agenda, attendance, live mode, decisions and their follow-up.
export * from './meetings';
export * from './agenda';
export * from './live';
export * from './archived';
export * from './deletion';
