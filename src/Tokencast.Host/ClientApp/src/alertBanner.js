// The banner at the top of the page that lists the alerts of versions added while the page is open.

const banner = () => document.getElementById('alert-banner');

/** Wires the banner's dismiss button, which hides the banner and clears its entries. */
export function setUpAlertBanner() {
  document.getElementById('dismiss-alerts').addEventListener('click', () => {
    banner().hidden = true;
    document.getElementById('alert-entries').replaceChildren();
  });
}

/**
 * Adds the alerts of `added` (a `versionAdded` message: name, number, cutOff, note, alerts) to the banner,
 * newest first, and shows it. A version without alerts adds nothing.
 */
export function showVersionAlerts(added) {
  if (added.alerts.length === 0) {
    return;
  }

  const entry = document.createElement('section');
  entry.className = 'alert-entry';
  entry.dataset.forecast = added.name;
  entry.dataset.version = added.number;
  const title = document.createElement('h2');
  const count = added.alerts.length === 1 ? '1 alert' : `${added.alerts.length} alerts`;
  const cutOff = added.cutOff ? ` (actuals before ${added.cutOff})` : '';
  title.textContent = `${added.name}, version ${added.number}${cutOff}: ${count}`;
  const list = document.createElement('ul');
  for (const alert of added.alerts) {
    const item = document.createElement('li');
    item.dataset.direction = alert.direction;
    item.textContent = alert.message;
    list.append(item);
  }
  entry.append(title, list);

  document.getElementById('alert-entries').prepend(entry);
  banner().hidden = false;
}
