import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatMoment } from '../../../src/lib/core/view/dates';

describe("a source's date", () => {
	it('is written as the locale writes a day, a month or a year', () => {
		expect(formatCalendarDate('2024-03-05', 'en-GB')).toBe('5 Mar 2024');
		expect(formatCalendarDate('2024-03', 'en-GB')).toBe('Mar 2024');
		expect(formatCalendarDate('2024', 'en-GB')).toBe('2024');
		expect(formatCalendarDate('2024-03-05', 'zh-CN')).toBe('2024年3月5日');
		expect(formatCalendarDate('2024-03', 'zh-CN')).toBe('2024年3月');
		expect(formatCalendarDate('2024', 'zh-CN')).toBe('2024年');
	});

	it('stays on its day in any time zone, and an early year stays early', () => {
		expect(formatCalendarDate('2024-01-01', 'en-GB')).toBe('1 Jan 2024');
		expect(formatCalendarDate('0050', 'en-GB')).toBe('50');
	});

	it('is shown as written when it is not a calendar date', () => {
		expect(formatCalendarDate('2024-02-31', 'en-GB')).toBe('2024-02-31');
		expect(formatCalendarDate('spring 2024', 'zh-CN')).toBe('spring 2024');
	});
});

describe('a moment', () => {
	it('is a date and a time in the locale', () => {
		const at = '2026-12-05T14:03:09Z';
		expect(formatMoment(at, 'en-GB', 'UTC')).toBe('05/12/2026, 14:03:09');
		expect(formatMoment(at, 'zh-CN', 'UTC')).toBe('2026/12/5 14:03:09');
	});

	it('is shown as written when it is not one', () => {
		expect(formatMoment('not a time', 'en-GB')).toBe('not a time');
	});
});
