export * from './graph';
export * from './summary';
