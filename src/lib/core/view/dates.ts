/**
 * Dates as a reader sees them, written by `Intl.DateTimeFormat` in the interface language's
 * locale (`intl` of its row in `src/lib/locale/locales.ts`), so a new language needs no code here.
 */

/**
 * A source's date — `2024-03-05`, `2024-03` or `2024` — as the locale writes it: "5 Mar 2024",
 * "2024年3月5日"; a month or a year alone likewise. A date that is not one of these is shown as
 * written. Calendar dates: read and written in UTC, so no time zone moves them a day.
 */
export function formatCalendarDate(date: string, intl: string): string {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
	if (!match) return date;
	const [, year, month, day] = match;
	const at = new Date(Date.UTC(2000, Number(month ?? 1) - 1, Number(day ?? 1)));
	// Date.UTC reads years below 100 as 19xx; the year is set on its own.
	at.setUTCFullYear(Number(year));
	if (Number.isNaN(at.getTime()) || at.getUTCDate() !== Number(day ?? 1)) return date;
	return new Intl.DateTimeFormat(intl, {
		timeZone: 'UTC',
		year: 'numeric',
		...(month ? { month: 'short' } : {}),
		...(day ? { day: 'numeric' } : {})
	}).format(at);
}

/** A moment (an ISO timestamp) in the reader's time zone, date and time: "05/12/2026, 14:03:00". */
export function formatMoment(iso: string, intl: string, timeZone?: string): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return iso;
	return new Intl.DateTimeFormat(intl, {
		timeZone,
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	}).format(at);
}
