/**
 * Runs `work` once the browser is idle (after a second where it cannot tell): for what the first
 * load leaves out but a student may need after the classroom's connection has dropped.
 */
export function whenIdle(work: () => void): void {
	const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
	idle(() => work());
}
