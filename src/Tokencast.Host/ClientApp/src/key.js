// The API key: read from the URL fragment (#key=...), kept in sessionStorage for this tab.
const storageKey = 'tokencast.key';

/**
 * Moves a key from the URL fragment into sessionStorage and removes the fragment from the address bar.
 * Returns whether the fragment had a key.
 */
export function takeKeyFromFragment() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const key = fragment.get('key');
  if (!key) {
    return false;
  }
  sessionStorage.setItem(storageKey, key);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return true;
}

export const readKey = () => sessionStorage.getItem(storageKey);
export const storeKey = (key) => sessionStorage.setItem(storageKey, key);
export const dropKey = () => sessionStorage.removeItem(storageKey);
