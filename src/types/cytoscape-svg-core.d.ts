import 'cytoscape';

declare module 'cytoscape' {
	interface Core {
		/** Added by cytoscape-svg: the graph as SVG markup. */
		svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
	}
}
