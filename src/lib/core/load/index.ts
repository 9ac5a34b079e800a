export * from './diagnostic';
export {
	loadAuthoredDebate,
	loadDebate,
	MAX_ALIAS_COUNT,
	MAX_FILE_BYTES,
	type LoadOptions
} from './load';
export { checkReferences, type CheckOptions } from './references';
