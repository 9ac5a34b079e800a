export * from './graph';
export * from './summary';
export * from './evidence';
