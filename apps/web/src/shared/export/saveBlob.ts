/** Save a blob as a file under `name` (an anchor with `download`, its URL revoked later). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save a URL (an object URL, a data URL) as a file under `name`. */
export function saveUrl(url: string, name: string): void {
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
