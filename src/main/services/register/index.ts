// The register of situations and the retention engine, as plain services over the store and the protected store.
export * from './common';
export * from './reference';
export * from './situations';
export * from './retention';
export * from './stats';
export * from './settings';
export * from './journal';
export * from './lifecycle';
export * from './correspondence';
export { registerSettingsOf } from '../../../shared/register-defaults';
export { situationNextStep, meetingTextsDestroyDate } from '../../../shared/register-model';
