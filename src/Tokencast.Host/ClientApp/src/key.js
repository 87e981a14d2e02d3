// The API key: read from the URL fragment (#key=...), kept in sessionStorage for this tab.
const storageKey = 'tokencast.key';

/** Moves a key from the URL fragment into sessionStorage and removes the fragment from the address bar. */
export function takeKeyFromFragment() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const key = fragment.get('key');
  if (key) {
    sessionStorage.setItem(storageKey, key);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

export const readKey = () => sessionStorage.getItem(storageKey);
export const storeKey = (key) => sessionStorage.setItem(storageKey, key);
export const dropKey = () => sessionStorage.removeItem(storageKey);
