export * from './contribution';
export * from './overlay';
export * from './merge';
