/**
 * `localStorage` for tests in node: a Map behind the Storage methods the app uses. Installed on
 * `globalThis` by `useMemoryStorage()`.
 */
export class MemoryStorage {
	private map = new Map<string, string>();
	get length() {
		return this.map.size;
	}
	key(i: number) {
		return [...this.map.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.map.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.map.set(k, String(v));
	}
	removeItem(k: string) {
		this.map.delete(k);
	}
	clear() {
		this.map.clear();
	}
}

export function useMemoryStorage(): MemoryStorage {
	const storage = new MemoryStorage();
	Object.assign(globalThis, { localStorage: storage });
	return storage;
}
