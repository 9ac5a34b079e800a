import { replaceState } from '$app/navigation';
import { readViewParams, writeViewParams } from '$lib/core/view';
import type { DebateView } from './debate-view.svelte';
import { uiLanguage } from './ui-language.svelte';

/**
 * The whole view (drawer, focus, folds, filters, search, what-if, scores) in the address bar,
 * both ways: the link is read when the page opens, and from then on kept up as the view changes,
 * so a teacher can send exactly what they are showing as a link. Made while a component is
 * initialised (it starts an effect).
 */
export class AddressSync {
	/** Parts of the link that were ignored (a claim the debate no longer has, a bad value). */
	dropped = $state<string[]>([]);
	/** Whether the address may be written (the router is ready). */
	private ready = $state(false);
	/** The link as opened, while it had parts that did not fit: to be read again. */
	private retry: URLSearchParams | null = null;

	/** `keep`: query parameters that belong to the page, not the view (`?id=` of an import). */
	constructor(
		private readonly view: DebateView,
		private readonly keep: () => Record<string, string>
	) {
		$effect(() => this.write());
	}

	/**
	 * Applies the link to the view (browser only: the page was rendered before anyone asked for
	 * it), at once, so the first map drawn is the one the link describes.
	 */
	read() {
		// The link as opened, read and kept as it is: not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const params = new URLSearchParams(location.search);
		const read = readViewParams(params, this.view.graph);
		// The language: the link's `?lang=` if it has one, else the one this browser remembers.
		this.view.apply({ ...read.state, lang: uiLanguage.restore() });
		this.dropped = read.dropped;
		this.retry = read.dropped.length > 0 ? params : null;
		// replaceState needs the router's root component, which exists only once the mount that
		// reads this has returned: start writing the address on the next task.
		setTimeout(() => (this.ready = true), 0);
	}

	/**
	 * A link may name the reader's own additions, known only once they are loaded: reads it
	 * again if it had parts that did not fit before.
	 */
	readAgain() {
		if (!this.retry) return;
		const again = readViewParams(this.retry, this.view.graph);
		this.view.apply({ ...again.state, lang: this.view.lang });
		this.dropped = again.dropped;
	}

	private write() {
		const query = writeViewParams(this.view.state).toString();
		if (!this.ready) return;
		// A scratch copy of the address, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const url = new URL(location.href);
		const own = Object.entries(this.keep()).map(
			([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`
		);
		url.search = [...own, query].filter(Boolean).join('&');
		if (url.href !== location.href) replaceState(url, {});
	}
}
