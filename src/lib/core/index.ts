/**
 * Counterpoint's core: the debate format, loading with located diagnostics, and the argument
 * graph. Pure TypeScript — no Svelte, DOM or Cytoscape — so it runs in node, the browser and CLIs.
 */
export * from './schema';
export * from './load';
export * from './model';
export * from './view';
export * from './evaluate';
export * from './search';
export * from './contrib';
