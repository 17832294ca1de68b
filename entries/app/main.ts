// The page's entry: registering the root element pulls in every other one.
import '../../components/lp-playground';

/** The path of the page that frames this one, when it is of this origin. */
function framingPath(): string | undefined {
  if (window.parent === window) return undefined;
  try {
    return window.parent.location.pathname;
  } catch {
    // Framed by another origin: its address is not ours to read.
    return undefined;
  }
}

// Framed by the lecture (its last slide), the header's link to the lecture would lead where the reader already is.
const framing = framingPath();
for (const link of document.querySelectorAll<HTMLAnchorElement>('header a[href]')) {
  const paragraph = link.closest('p');
  if (framing !== undefined && new URL(link.href).pathname === framing && paragraph) paragraph.hidden = true;
}
