export * from './view-state';
export * from './visibility';
export * from './url';
export * from './navigate';
export * from './tour';
export * from './levels';
