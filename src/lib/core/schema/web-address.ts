/**
 * An http(s) address in the form every program reads the same way: its WHATWG serialisation
 * (`new URL(s).href`), with spaces, quotes, angle brackets, backticks, controls and non-ASCII
 * letters percent-encoded and the host in lower case (Punycode for other scripts). Such an
 * address has no character that ends a Markdown autolink, an HTML or XML attribute, or a line.
 * Undefined when `s` is not an http:// or https:// address with a host.
 */
export function webAddress(s: string): string | undefined {
	let url: URL;
	try {
		url = new URL(s);
	} catch {
		return undefined;
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
		? url.href
		: undefined;
}
