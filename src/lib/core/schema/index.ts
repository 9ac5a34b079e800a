export * from './debate';
export * from './localised';
export { migrate } from './migrate';
export * from './poll';
