// Formats shared by the Levers view: quality with its interval, and signed changes.
import { formatSpendUsd, formatTaskUsd } from './format.js';

const quality = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const signedPercent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** Formats a quality ({ value, lower, upper, items }) as "0.930 (0.871–0.965, 100 items)", or "–" for none. */
export function formatQuality(value) {
  if (!value) {
    return '–';
  }
  return `${quality.format(value.value)} (${quality.format(value.lower)}–${quality.format(value.upper)}, ` +
    `${value.items} items)`;
}

/** Formats a quality change with its sign, such as "−0.050". */
export function formatQualityChange(delta) {
  return delta > 0 ? `+${quality.format(delta)}` : quality.format(delta);
}

/** Formats a change in cost per task with its sign, such as "−$0.0062". */
export function formatTaskUsdChange(delta) {
  return delta > 0 ? `+${formatTaskUsd(delta)}` : formatTaskUsd(delta);
}

/** Formats a change in spend with its sign, such as "+$1,204". */
export function formatSpendChange(delta) {
  return delta > 0 ? `+${formatSpendUsd(delta)}` : formatSpendUsd(delta);
}

/** Formats a relative change (−0.67 is 67 % less) with its sign, or "" when it is not known. */
export function formatRelativeChange(ratio) {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '' : signedPercent.format(ratio);
}
