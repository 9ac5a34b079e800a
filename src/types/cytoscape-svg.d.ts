// cytoscape-svg ships no types: the extension, and the method it adds to a Cytoscape core.
declare module 'cytoscape-svg' {
	import type { Ext } from 'cytoscape';
	const extension: Ext;
	export default extension;
}
