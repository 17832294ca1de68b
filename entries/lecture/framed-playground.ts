/**
 * The playground framed on slide 15 is read across a lecture hall: it
 * runs in its presentation mode (every text 1.25 times larger), switched on
 * each time the frame loads its page (reveal.js loads it when the slide comes
 * near). The page is of this origin, so the lecture may set its element's
 * attribute.
 */
export function presentFramedPlaygrounds(root: ParentNode): void {
  for (const frame of root.querySelectorAll<HTMLIFrameElement>('iframe[data-presentation]')) {
    frame.addEventListener('load', () =>
      frame.contentDocument?.querySelector('lp-playground')?.toggleAttribute('presentation', true),
    );
  }
}
