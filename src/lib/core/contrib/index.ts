export * from './contribution';
export * from './merge';
