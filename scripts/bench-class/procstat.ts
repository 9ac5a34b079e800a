/**
 * CPU time and memory of running processes, read from Linux's /proc (the benchmark measures the
 * servers and the load generators from outside, as `top` would).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux this runs on). */
const TICKS = 100;

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	} catch {
		return undefined; // the process has ended
	}
}

/** CPU seconds (user + system) used so far by these processes; ended ones count 0. */
export function cpuSeconds(pids: readonly number[]): number {
	let ticks = 0;
	for (const pid of pids) {
		const f = statFields(pid);
		// utime and stime are fields 14 and 15 of stat; f starts at field 3 (state).
		if (f) ticks += Number(f[11]) + Number(f[12]);
	}
	return ticks / TICKS;
}

/**
 * Seconds the main threads of these processes were ready to run but waited for a core (the
 * second field of /proc/<pid>/task/<pid>/schedstat): what a busy machine takes from them.
 */
export function waitSeconds(pids: readonly number[]): number {
	let ns = 0;
	for (const pid of pids) {
		try {
			ns += Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]);
		} catch {
			// ended, or a kernel without schedstat
		}
	}
	return ns / 1e9;
}

/** CPU seconds the whole machine has spent busy (every core, every process) since it started. */
export function machineCpuSeconds(): number {
	// The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal …
	const f = readFileSync('/proc/stat', 'utf8')
		.split('\n')[0]!
		.trim()
		.split(/\s+/)
		.slice(1, 9)
		.map(Number);
	return (f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!) / TICKS;
}

/** Resident memory of these processes, KB. */
export function rssKb(pids: readonly number[]): number {
	let kb = 0;
	for (const pid of pids) {
		try {
			kb += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
		} catch {
			// ended
		}
	}
	return kb;
}

/**
 * The processes of the PostgreSQL server listening on `port` on this machine: its postmaster
 * (started with `-p <port>`) and the backends it forked. Empty if none is found (a server
 * elsewhere): its CPU is then not measured.
 */
export function postgresPids(port: number): number[] {
	const all = readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d))
		.map(Number);
	const master = all.find((pid) => {
		try {
			const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
			const p = args.indexOf('-p');
			return /postgres$/.test(args[0] ?? '') && p > 0 && args[p + 1] === String(port);
		} catch {
			return false;
		}
	});
	if (master === undefined) return [];
	return [master, ...all.filter((pid) => statFields(pid)?.[1] === String(master))];
}

/** The soft limit on open files of this process ("Max open files" in /proc/self/limits). */
export function openFilesLimit(): number {
	const line = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\S+)/m)?.[1];
	return line === 'unlimited' || line === undefined ? Infinity : Number(line);
}
