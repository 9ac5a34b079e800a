// The page imports the view's functions from here on its first load: nothing here loads zod.
// The view state's schemas (for tests and tools) are in `./view-state`.
export type { Layout, SideFilter, ViewState } from './view-state';
export * from './filters';
export * from './visibility';
export * from './url';
export * from './navigate';
export * from './tour';
export * from './levels';
export * from './slide';
