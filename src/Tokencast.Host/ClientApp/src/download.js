// Saves a response body as a file. A plain link would not carry the Authorization header, so the page
// fetches the file itself and saves it from a Blob.

/** Saves `blob` under the file name `fileName` through a temporary link. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
