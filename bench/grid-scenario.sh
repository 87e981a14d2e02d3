#!/usr/bin/env bash
# Writes a scenario with FEATURES features used by each of COHORTS cohorts over 120 months and three
# branches, for measuring how a run's memory grows with its feature-cohort cells.
# Usage: bench/grid-scenario.sh FEATURES COHORTS > grid.yaml
set -euo pipefail
features=${1:?give the number of features}
cohorts=${2:?give the number of cohorts}

printf 'name: grid\nstart_month: 2027-01\nhorizon_months: 120\nbudget:\n  monthly_usd: 1000\nfeatures:\n'
for ((f = 0; f < features; f++)); do
  printf '  - {id: f%d, model: gpt-4o-mini, input_tokens: {lognormal: {median: 400, p95: 3000}}, output_tokens: 200}\n' "$f"
done
printf 'cohorts:\n'
for ((c = 0; c < cohorts; c++)); do
  printf '  - id: c%d\n    users: 1000\n    features:\n' "$c"
  for ((f = 0; f < features; f++)); do
    printf '      f%d: {adoption: 0.5, tasks_per_active_user: 20}\n' "$f"
  done
done
printf 'branches:\n  baseline: {description: b}\n  growth: {description: g}\n  stretch: {description: s}\n'
