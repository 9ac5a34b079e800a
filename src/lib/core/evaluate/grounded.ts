import type { ArgumentGraph } from '../model/graph';

/**
 * A claim's status under Dung's grounded semantics: accepted (`IN`), defeated (`OUT`), or left
 * open because the attacks on it go round in a circle (`UNDEC`).
 */
export type Label = 'IN' | 'OUT' | 'UNDEC';

/** One attack A → X: the `con` relation(s) from claim A to claim X, with what undercuts it. */
interface Attack {
	from: string;
	to: string;
	/** Undercutters of this attack not yet labelled OUT. */
	pendingUndercutters: number;
	/** Settled once: active (it defeats X) or defeated (it no longer counts). */
	state?: 'active' | 'defeated';
}

// Ids never contain a newline, so the pair is unambiguous.
const linkKey = (from: string, to: string) => `${from}\n${to}`;

/**
 * Dung's grounded labelling of the debate: the most sceptical verdict, accepting only what is
 * defended all the way down. Every `con` relation is an attack; `pro` relations are ignored.
 *
 * - A claim is `IN` when every attack on it is defeated, `OUT` when one is active, else `UNDEC`.
 * - The attack A → X is active when A is `IN` and every `con` undercut of the link A → X is
 *   `OUT`; defeated when A is `OUT` or some such undercut is `IN`; undecided otherwise.
 * - An undercut of a `pro` link, and any `pro` undercut, changes nothing: supports do not count.
 *
 * Claims in `struck` are removed with every relation to or from them, and are absent from the
 * result. The result lists the other claims in file order. Runs in time linear in the size of
 * the graph.
 */
export function groundedLabels(
	graph: ArgumentGraph,
	struck: ReadonlySet<string> = new Set()
): Map<string, Label> {
	const live = (id: string) => graph.claims.has(id) && !struck.has(id);

	const label = new Map<string, Label>();
	/** Per claim: attacks on it not yet defeated. */
	const undefeated = new Map<string, number>();
	for (const id of graph.order) {
		if (!live(id) || label.has(id)) continue;
		label.set(id, 'UNDEC');
		undefeated.set(id, 0);
	}

	// A claim that attacks X through its target and again under `also` still makes one attack.
	const attacks = new Map<string, Attack>();
	const attacksFrom = new Map<string, Attack[]>();
	for (const r of graph.relations) {
		if (r.stance !== 'con' || r.undercuts || !live(r.from) || !live(r.to)) continue;
		const key = linkKey(r.from, r.to);
		if (attacks.has(key)) continue;
		const attack: Attack = { from: r.from, to: r.to, pendingUndercutters: 0 };
		attacks.set(key, attack);
		undefeated.set(r.to, undefeated.get(r.to)! + 1);
		push(attacksFrom, r.from, attack);
	}

	const undercutsFrom = new Map<string, Attack[]>();
	const counted = new Set<string>();
	for (const r of graph.relations) {
		if (r.stance !== 'con' || !r.undercuts || !live(r.from)) continue;
		const attack = attacks.get(linkKey(r.undercuts.from, r.undercuts.to));
		// No such attack: the link is a support, or one of its ends was struck out.
		if (!attack) continue;
		const key = `${r.from}\n${linkKey(r.undercuts.from, r.undercuts.to)}`;
		if (counted.has(key)) continue;
		counted.add(key);
		attack.pendingUndercutters++;
		push(undercutsFrom, r.from, attack);
	}

	// Labels only ever move from UNDEC to IN or OUT, and attacks from undecided to settled, so
	// each claim and each attack is handled once: a worklist of newly labelled claims suffices.
	const queue: string[] = [];
	const settle = (id: string, to: 'IN' | 'OUT') => {
		if (label.get(id) !== 'UNDEC') return;
		label.set(id, to);
		queue.push(id);
	};
	const activate = (attack: Attack) => {
		if (attack.state) return;
		attack.state = 'active';
		settle(attack.to, 'OUT');
	};
	const defeat = (attack: Attack) => {
		if (attack.state) return;
		attack.state = 'defeated';
		const left = undefeated.get(attack.to)! - 1;
		undefeated.set(attack.to, left);
		if (left === 0) settle(attack.to, 'IN');
	};

	for (const [id, n] of undefeated) if (n === 0) settle(id, 'IN');
	for (let i = 0; i < queue.length; i++) {
		const id = queue[i]!;
		const isIn = label.get(id) === 'IN';
		for (const attack of attacksFrom.get(id) ?? []) {
			if (!isIn) defeat(attack);
			else if (attack.pendingUndercutters === 0) activate(attack);
		}
		for (const attack of undercutsFrom.get(id) ?? []) {
			if (isIn) defeat(attack);
			else if (--attack.pendingUndercutters === 0 && label.get(attack.from) === 'IN')
				activate(attack);
		}
	}
	return label;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
