/**
 * Focus for the parts of the page that open over others: which elements Tab can reach, Tab
 * kept inside a modal part, the rest of the page made inert behind it, and the toolbar's
 * drop-down menus (focus in on open, Esc closes and gives focus back to the menu's summary).
 * No library: the native `inert` attribute does the hard part.
 */

const CANDIDATES =
	'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';

function visible(el: HTMLElement): boolean {
	if (typeof el.checkVisibility === 'function')
		return el.checkVisibility({ visibilityProperty: true });
	return el.getClientRects().length > 0;
}

/** The elements Tab stops at inside `roots`, in document order. */
export function tabbables(roots: readonly Element[]): HTMLElement[] {
	const out: HTMLElement[] = [];
	for (const root of roots) {
		for (const el of root.querySelectorAll<HTMLElement>(CANDIDATES)) {
			if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) continue;
			// A radio group is one stop: its checked radio, or its first when none is.
			if (el instanceof HTMLInputElement && el.type === 'radio' && el.name && !el.checked) {
				const group = el.form ?? root;
				const radios = [
					...group.querySelectorAll<HTMLInputElement>(
						`input[type="radio"][name="${CSS.escape(el.name)}"]`
					)
				];
				if (radios.some((r) => r.checked) || radios[0] !== el) continue;
			}
			if (visible(el)) out.push(el);
		}
	}
	return out.sort((a, b) =>
		a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
	);
}

/**
 * Keeps Tab inside `within` (a modal part of the page): from the last stop it goes to the first,
 * Shift+Tab from the first to the last, and from outside it comes back in. Between the ends the
 * browser's own order applies.
 */
export function cycleTab(event: KeyboardEvent, within: readonly Element[]): void {
	if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
	const stops = tabbables(within);
	const active = document.activeElement;
	if (stops.length === 0) {
		event.preventDefault();
		return;
	}
	const inside = active !== null && within.some((w) => w.contains(active));
	const after = (el: HTMLElement) =>
		!!active && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
	const before = (el: HTMLElement) =>
		!!active && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
	if (!inside || (!event.shiftKey && !stops.some(after))) {
		event.preventDefault();
		(event.shiftKey && !inside ? stops.at(-1)! : stops[0]!).focus();
	} else if (event.shiftKey && !stops.some(before)) {
		event.preventDefault();
		stops.at(-1)!.focus();
	}
}

/**
 * Makes everything outside `keep` inert (out of reach of Tab, pointer and screen reader), as a
 * modal dialog does; returns the undo. Open `<dialog>`s and live regions are left alone.
 */
export function inertOutside(keep: readonly Element[]): () => void {
	const made: HTMLElement[] = [];
	for (const el of keep) {
		for (let node: Element = el; node.parentElement && node !== document.body;) {
			const parent: HTMLElement = node.parentElement;
			for (const sibling of parent.children) {
				if (
					sibling === node ||
					!(sibling instanceof HTMLElement) ||
					sibling.inert ||
					sibling instanceof HTMLDialogElement ||
					['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK'].includes(sibling.tagName) ||
					sibling.hasAttribute('aria-live') ||
					keep.some((k) => sibling.contains(k))
				)
					continue;
				sibling.inert = true;
				made.push(sibling);
			}
			node = parent;
		}
	}
	return () => {
		for (const el of made) el.inert = false;
	};
}

/**
 * A `<details>` used as a drop-down menu (an attachment: `{@attach dropdown}`). Opened from its
 * summary, focus moves to the first control in it; Esc inside closes it and gives focus back to
 * the summary. It is not modal: Tab may leave it, and the page stays usable around it.
 */
export function dropdown(details: HTMLDetailsElement): () => void {
	const summary = details.querySelector<HTMLElement>(':scope > summary');
	const ontoggle = () => {
		if (!details.open || document.activeElement !== summary) return;
		tabbables([details])
			.find((el) => el !== summary)
			?.focus();
	};
	const onkeydown = (event: KeyboardEvent) => {
		if (event.key !== 'Escape' || !details.open) return;
		event.preventDefault();
		event.stopPropagation();
		details.open = false;
		summary?.focus();
	};
	details.addEventListener('toggle', ontoggle);
	details.addEventListener('keydown', onkeydown);
	return () => {
		details.removeEventListener('toggle', ontoggle);
		details.removeEventListener('keydown', onkeydown);
	};
}
