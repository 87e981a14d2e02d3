// The convergence indicator: trials done, and how far the noisiest percentile is from the tolerance.
import { formatCount, formatPercent } from './format.js';

const percentiles = ['p5', 'p10', 'p50', 'p90', 'p95'];

/**
 * Finds the largest relative standard error (standard error / |value|) of the reported percentiles over
 * every branch, month and horizon of `status`, by the host's convergence rule: a percentile of 0 with an
 * error of 0 counts as 0, and one of 0 with a positive error as Infinity. Returns null while any error is
 * unknown (a standard error over one trial is sent as null) or when no band has arrived yet.
 */
export function largestRelativeError(status) {
  const branches = status.branches ?? [];
  if (branches.length === 0) {
    return null;
  }

  let largest = 0;
  for (const branch of branches) {
    for (const band of [...branch.monthly.map((m) => m.band), branch.horizon]) {
      for (const name of percentiles) {
        const error = band.standardErrors[name];
        if (error === null || error === undefined) {
          return null;
        }
        largest = Math.max(largest, relativeError(band[name], error));
      }
    }
  }
  return largest;
}

function relativeError(value, error) {
  if (value === 0) {
    return error === 0 ? 0 : Infinity;
  }
  return error / Math.abs(value);
}

/** Updates the progress bar, the trials text and the error summary from `status`. */
export function showConvergence(status) {
  const progress = document.getElementById('trials-progress');
  progress.max = Math.max(1, status.trials);
  progress.value = status.trialsDone;
  document.getElementById('trials-label').textContent =
    `Trials: ${formatCount(status.trialsDone)} of ${formatCount(status.trials)}`;

  const largest = largestRelativeError(status);
  const summary = document.getElementById('error-summary');
  if (largest === null) {
    summary.textContent =
      `Largest relative standard error: not known yet (tolerance ${formatPercent(status.tolerance)})`;
    summary.className = '';
  } else {
    const within = largest <= status.tolerance;
    const errorText = Number.isFinite(largest)
      ? formatPercent(largest)
      : 'infinite (a percentile of $0 has a nonzero standard error)';
    summary.textContent =
      `Largest relative standard error of a percentile: ${errorText} ` +
      `(tolerance ${formatPercent(status.tolerance)}${within ? ', within' : ''})`;
    summary.className = within ? 'within' : 'above';
  }

  if (status.convergedAtTrials !== null && status.convergedAtTrials !== undefined) {
    showConverged(status.convergedAtTrials);
  }
}

/** Shows the "converged at N trials" note. */
export function showConverged(trials) {
  const note = document.getElementById('converged-note');
  note.textContent = `Converged at ${formatCount(trials)} trials`;
  note.hidden = false;
}

/** Hides the note, for a newly chosen run. */
export function resetConvergence() {
  document.getElementById('converged-note').hidden = true;
}
