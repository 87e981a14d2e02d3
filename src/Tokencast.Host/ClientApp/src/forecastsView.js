// The tracked-forecasts view: a forecast's versions, the chosen version's stored bands with actual spend
// as points, its spend alerts, the review of the period it closed, and how it changed from the previous version.
import { ApiError, getJson } from './api.js';
import { loadMonthlySpend } from './actualSpend.js';
import { createFanChart } from './fanChart.js';
import { formatDateTime, formatSpendUsd, monthRange, parseMonth } from './format.js';
import { showError } from './problems.js';
import { showReview } from './varianceReview.js';
import { diffTable } from './versionDiff.js';

const element = (id) => document.getElementById(id);

/**
 * Creates the view. Call `load` each time it is shown, to refresh the list of tracked forecasts. Call
 * `versionAdded` with each `versionAdded` message of the live feed.
 */
export function createForecastsView() {
  const picker = element('forecast-picker');
  // Each selection gets a new number, so a slow response of an earlier selection draws nothing.
  let selection = 0;
  let shown = null;

  picker.addEventListener('change', () => selectForecast(picker.value).catch(showFailure));

  async function load() {
    const forecasts = await getJson('/api/forecasts');
    const options = forecasts.map((forecast) => new Option(forecastLabel(forecast), forecast.name));
    const prompt = forecasts.length ? 'Choose a forecast' : 'No tracked forecasts yet';
    picker.replaceChildren(new Option(prompt, ''), ...options);
    picker.value = forecasts.some((f) => f.name === shown?.name) ? shown.name : '';
    element('no-forecast').hidden = picker.value !== '';
  }

  async function selectForecast(name) {
    const current = ++selection;
    element('forecast-error').replaceChildren();
    if (!name) {
      shown = null;
      element('forecast-body').hidden = true;
      element('no-forecast').hidden = false;
      return;
    }

    const [versions, spend] = await Promise.all([getJson(versionsPath(name)), loadMonthlySpend()]);
    if (current !== selection) {
      return;
    }
    shown = { name, versions, spend, number: null };
    element('no-forecast').hidden = true;
    element('forecast-body').hidden = false;
    showVersionList(versions, (number) => selectVersion(number).catch(showFailure));
    await selectVersion(versions[versions.length - 1].number);
  }

  async function selectVersion(number) {
    const current = ++selection;
    const { name, versions, spend } = shown;
    const version = versions.find((v) => v.number === number);
    const base = `/api/forecasts/${encodeURIComponent(name)}`;
    const [bands, diff, review] = await Promise.all([
      getJson(`${base}/versions/${number}/bands?format=json`),
      number > 1 ? getJson(`${base}/diff?from=${number - 1}&to=${number}`) : Promise.resolve(null),
      number > 1 ? loadReview(`${base}/versions/${number}/review`) : Promise.resolve(null),
    ]);
    if (current !== selection) {
      return;
    }
    shown.number = number;

    markCurrent(number);
    element('version-title').textContent = `${name}, version ${number}`;
    element('version-meta').textContent = versionMeta(version, bands);
    showCharts(bands, spend);
    showAlerts(version.alerts);
    showReview(element('version-review'), review);
    showDiff(diff);
  }

  /**
   * Refreshes the forecast list when the view is shown, and the version list when `added.name` is the open
   * forecast. The chosen version stays chosen, so a version added while someone reads another moves nothing.
   */
  async function versionAdded(added) {
    if (!element('view-forecasts').hidden) {
      await load();
    }
    if (shown?.name !== added.name) {
      return;
    }

    const current = selection;
    const versions = await getJson(versionsPath(added.name));
    if (current !== selection || shown?.name !== added.name) {
      return;
    }
    shown.versions = versions;
    showVersionList(versions, (number) => selectVersion(number).catch(showFailure));
    markCurrent(shown.number);
  }

  return { load, versionAdded };
}

const versionsPath = (name) => `/api/forecasts/${encodeURIComponent(name)}/versions`;

// A version without a review (the first, or one made without actuals) gets 404, which is no failure here.
async function loadReview(path) {
  try {
    return await getJson(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

function markCurrent(number) {
  for (const item of element('version-list').children) {
    item.setAttribute('aria-current', String(item.dataset.version === String(number)));
  }
}

function showVersionList(versions, choose) {
  const items = [...versions].reverse().map((version) => {
    const item = document.createElement('li');
    item.dataset.version = version.number;
    const button = document.createElement('button');
    button.type = 'button';
    button.addEventListener('click', () => choose(version.number));

    const title = document.createElement('strong');
    title.textContent = `Version ${version.number}`;
    const facts = document.createElement('span');
    facts.className = 'facts';
    const cutOff = version.cutOff ? `cut-off ${version.cutOff}` : 'no cut-off';
    const alerts = version.alerts.length === 1 ? '1 alert' : `${version.alerts.length} alerts`;
    facts.textContent = `${cutOff} · created ${formatDateTime(version.createdAt)} · ${alerts}`;
    const note = document.createElement('span');
    note.className = 'note-text';
    note.textContent = version.note;

    button.append(title, facts, note);
    item.append(button);
    return item;
  });
  element('version-list').replaceChildren(...items);
}

function showCharts(bands, spend) {
  const container = element('forecast-charts');
  container.replaceChildren();
  const months = monthRange(bands.first_month, bands.months);
  for (const branch of bands.branches) {
    const article = document.createElement('article');
    article.className = 'branch';
    const heading = document.createElement('h3');
    heading.textContent = branch.name;
    const chart = document.createElement('div');
    chart.className = 'chart';
    const horizon = document.createElement('p');
    horizon.className = 'horizon';
    const total = branch.total.horizon;
    horizon.textContent = `Whole horizon: P10 ${formatSpendUsd(total.p10)}, P50 ${formatSpendUsd(total.p50)}, ` +
      `P90 ${formatSpendUsd(total.p90)}`;
    article.append(heading, chart, horizon);
    container.append(article);

    const fan = createFanChart(chart, branch.name, months, monthlyBudgets(branch, months));
    fan.update({
      trials: bands.trials,
      monthly: branch.total.monthly.map(({ month, ...band }) => ({ month, band })),
    });
    fan.showActuals(spend);
  }
}

// The stored bands list a budget per month ("yyyy-MM") and one for the horizon (month null).
function monthlyBudgets(branch, months) {
  const byMonth = new Map(
    (branch.budget ?? [])
      .filter((outlook) => outlook.month !== null && outlook.budget_usd !== null)
      .map((outlook) => [parseMonth(outlook.month).getTime(), outlook.budget_usd]),
  );
  return months.map((month) => byMonth.get(month.getTime()) ?? null);
}

function showAlerts(alerts) {
  const container = element('version-alerts');
  if (alerts.length === 0) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = 'No alerts: no closed week fell outside the previous version\'s band.';
    container.replaceChildren(none);
    return;
  }

  const list = document.createElement('ul');
  list.className = 'alerts';
  for (const alert of alerts) {
    const item = document.createElement('li');
    item.dataset.branch = alert.branch;
    item.dataset.direction = alert.direction;
    item.textContent = alert.message;
    list.append(item);
  }
  container.replaceChildren(list);
}

function showDiff(diff) {
  const container = element('version-diff');
  if (!diff) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = 'Version 1 has no previous version to compare with.';
    container.replaceChildren(none);
    return;
  }
  container.replaceChildren(diffTable(diff));
}

function versionMeta(version, bands) {
  const cutOff = version.cutOff ? `actuals before ${version.cutOff}` : 'no actuals';
  return `Made from ${cutOff}, ${bands.trials} trials per branch, seed ${version.seed}. ${version.note}`;
}

function forecastLabel(forecast) {
  return `${forecast.name} · version ${forecast.latestVersion} · ${formatDateTime(forecast.createdAt)}`;
}

function showFailure(error) {
  showError(element('forecast-error'), error);
}
