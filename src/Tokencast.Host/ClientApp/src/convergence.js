// The convergence indicator: trials done, and how far the noisiest percentile is from the tolerance.
import { formatCount, formatPercent } from './format.js';

const percentiles = ['p5', 'p10', 'p50', 'p90', 'p95'];

/**
 * Finds the largest relative standard error (standard error / value) of the reported percentiles over
 * every branch, month and horizon of `status`. Returns null while any of them is unknown (a standard
 * error over one trial is sent as null) or when no band has arrived yet.
 * NOTE: a percentile of exactly 0 USD has no relative error and is left out; the host's convergence
 * test decides on its own how to treat it.
 */
export function largestRelativeError(status) {
  let largest = null;
  for (const branch of status.branches ?? []) {
    const bands = [...branch.monthly.map((m) => m.band), branch.horizon].filter(Boolean);
    for (const band of bands) {
      for (const name of percentiles) {
        const error = band.standardErrors?.[name];
        if (error === null || error === undefined) {
          return null;
        }
        if (band[name] > 0) {
          largest = Math.max(largest ?? 0, error / band[name]);
        }
      }
    }
  }
  return largest;
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
    summary.textContent = `Largest relative standard error: not known yet (tolerance ${formatPercent(status.tolerance)})`;
    summary.className = '';
  } else {
    const within = largest <= status.tolerance;
    summary.textContent =
      `Largest relative standard error of a percentile: ${formatPercent(largest)} ` +
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
