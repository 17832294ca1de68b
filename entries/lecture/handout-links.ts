/**
 * The print view's links (the handout is read on paper): each relative link
 * of the slides leads where handout-address.ts says, or nowhere rather than
 * to the printing machine; a link marked `data-handout-text` also says that
 * address in its text.
 */
import { handoutLink } from './handout-address';

export function printHandoutLinks(doc: Document): void {
  const base = doc.querySelector<HTMLMetaElement>('meta[name="lp-handout-base"]')?.content ?? '';
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('.reveal .slides a[href]')) {
    const href = link.getAttribute('href') ?? '';
    // Links with a scheme of their own and links within the page stay as written.
    if (/^[a-z][a-z\d+.-]*:/i.test(href) || href.startsWith('#')) continue;
    const printed = handoutLink(href, doc.location.href, base);
    if (link.hasAttribute('data-handout-text')) link.textContent = printed.text;
    if (printed.href) link.href = printed.href;
    else link.removeAttribute('href');
  }
}
