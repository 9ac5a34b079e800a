import { makeId } from '../build';
import { optionalList } from './container';
import { idOf, isObject, own, textOf, type AifNode, type Graph, type JsonObject } from './model';

/**
 * The speaker of a locution from its text, as AIFdb writes it: `Fiona Bruce : Tonight…`, or in
 * an analyst's copy `Nicole: Fiona Bruce : Tonight…` (the analyst's colon has no space before it).
 */
export function speakerInText(text: string): string | undefined {
	const m = /^\s*(?:[^:\n]{0,59}[^:\s]:\s+)?([^:\n]{1,60}?)\s+:\s/.exec(text);
	const name = m?.[1]?.trim();
	return name ? name : undefined;
}

/**
 * The speaker of each locution node: the name of the participant its `locutions` entry names
 * (OVA3's `participants`, by `personID`), else the `Name : text` its text starts with.
 */
function locutionSpeakers(container: JsonObject): (l: AifNode) => string | undefined {
	const participants = new Map<string, string>();
	for (const p of optionalList(container, 'participants')) {
		if (!isObject(p)) continue;
		const id = idOf(own(p, 'participantID'));
		const name = [textOf(own(p, 'firstname')), textOf(own(p, 'surname'))]
			.map((s) => s.trim())
			.filter(Boolean)
			.join(' ');
		if (id !== undefined && name && !participants.has(id)) participants.set(id, name);
	}
	const personOf = new Map<string, string>();
	for (const l of optionalList(container, 'locutions')) {
		if (!isObject(l)) continue;
		const node = idOf(own(l, 'nodeID'));
		const person = idOf(own(l, 'personID'));
		if (node !== undefined && person !== undefined && !personOf.has(node))
			personOf.set(node, person);
	}
	return (l) => {
		const person = personOf.get(l.id);
		const named = person === undefined ? undefined : participants.get(person);
		return named ?? speakerInText(l.text);
	};
}

/** The speakers made actors (name → actor id), and each claim I-node's actor. */
export interface Speakers {
	actors: Map<string, string>;
	actorOf: Map<string, string>;
}

/**
 * Speakers from the dialogue layer: L → YA → I makes the locution's speaker the actor of the
 * claim (the first YA onto an I-node decides), one actor per name.
 */
export function readSpeakers({ ordered, ins, outs }: Graph, container: JsonObject): Speakers {
	const speakerOf = locutionSpeakers(container);
	const actorIds = new Set<string>();
	const actors = new Map<string, string>(); // name → id
	const actorOf = new Map<string, string>(); // I-node → actor id
	for (const ya of ordered) {
		if (ya.type !== 'YA') continue;
		const targets = outs(ya.id).filter((n) => n.type === 'I' && !actorOf.has(n.id));
		if (targets.length === 0) continue;
		const speaker = ins(ya.id)
			.filter((n) => n.type === 'L')
			.map(speakerOf)
			.find((s) => s !== undefined);
		if (!speaker) continue;
		let actor = actors.get(speaker);
		if (!actor) {
			actor = makeId(speaker, actorIds, 'a');
			actors.set(speaker, actor);
		}
		for (const t of targets) actorOf.set(t.id, actor);
	}
	return { actors, actorOf };
}

/**
 * Whether an I-node is a question: asked (a YA "Pure/Assertive/Rhetorical Questioning" onto it,
 * as QT30 and AIFdb write the moderator's questions), or its text ends with a question mark.
 */
export function questionTest({ ordered, outs }: Graph): (n: AifNode) => boolean {
	const asked = new Set<string>();
	for (const ya of ordered)
		if (ya.type === 'YA' && /question/i.test(ya.text))
			for (const n of outs(ya.id)) if (n.type === 'I') asked.add(n.id);
	return (n) => asked.has(n.id) || /[?？]\s*$/.test(n.text);
}
