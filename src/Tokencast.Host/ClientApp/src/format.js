// Number and date formats shared by the page. Months arrive as "yyyy-MM-dd" (first day, UTC).

const compactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const wholeUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Parses "yyyy-MM-dd" or "yyyy-MM" as the first instant of that month in UTC. */
export function parseMonth(text) {
  const [year, month] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1));
}

/** Returns the `count` months from `first` ("yyyy-MM-dd") on, as dates. */
export function monthRange(first, months) {
  const start = parseMonth(first);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  return Array.from({ length: months }, (_, i) => new Date(Date.UTC(year, month + i, 1)));
}

export const formatCompactUsd = (value) => compactUsd.format(value);
export const formatWholeUsd = (value) => wholeUsd.format(value);
export const formatCount = (value) => count.format(value);
export const formatPercent = (value) => percent.format(value);
export const formatMonth = (date) => shortMonth.format(date);

/** Formats an axis label: the month's name, with the year on the first label and on each January. */
export function formatAxisMonth(date, index) {
  return index === 0 || date.getUTCMonth() === 0 ? shortMonth.format(date) : monthName.format(date);
}
/** Formats spend: whole dollars from $100 on, cents below, so that small forecasts still show changes. */
export const formatSpendUsd = (value) => (Math.abs(value) >= 100 ? formatWholeUsd(value) : formatTaskUsd(value));

export const formatDateTime = (text) => dateTime.format(new Date(text));

/** Formats a cost per task: small amounts keep four significant digits ($0.0008622). */
export function formatTaskUsd(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  const digits = value >= 1
    ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
    : { maximumSignificantDigits: 4 };
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', ...digits }).format(value);
}
