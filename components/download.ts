/** Hands the browser a file to save, as a download link clicked for the user. */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked at once, a slow browser may not have started reading it; later, it only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
