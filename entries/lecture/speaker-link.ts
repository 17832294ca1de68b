/**
 * The lecture's half of the speaker view. S opens speaker.html, a page of
 * our own, in a second window, and this link keeps it told where the deck
 * stands (see speaker-messages.ts). It replaces reveal.js's notes plugin,
 * whose view is an about:blank window with an inline script written into it:
 * that window inherits the lecture's content security policy, which refuses
 * inline script, so the plugin's view never ran.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { decodeToLecture, encode, type SlideReport } from './speaker-messages';

/** reveal.js's events after which the view shows something else. */
const MOVES = ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewhidden', 'paused', 'resumed'];

/** Whether this page is one of the speaker view's previews (loaded with ?receiver, as reveal.js's own view does). */
export function isSpeakerPreview(): boolean {
  return /[?&]receiver\b/i.test(window.location.search);
}

export function speakerViewPlugin(viewPath: string): RevealPlugin {
  return {
    id: 'speaker-view',
    init(deck) {
      // A preview is driven from the speaker view: it opens no view of its own.
      if (isSpeakerPreview()) return;
      const link = new SpeakerLink(deck, new URL(viewPath, window.location.href));
      deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () => link.open());
    },
  };
}

class SpeakerLink {
  /** The windows showing this deck's speaker view: the one S opened, or one left from before this page reloaded. */
  private readonly views = new Set<Window>();
  private opened: Window | null = null;

  constructor(
    private readonly deck: RevealApi,
    private readonly viewUrl: URL,
  ) {
    window.addEventListener('message', (event) => this.receive(event));
    for (const move of MOVES) deck.on(move, () => this.tellAll());
  }

  open(): void {
    const open = [...this.views, this.opened].find((view) => view && !view.closed);
    if (open) {
      open.focus();
      return;
    }
    // A name of its own: pressed again, S finds the same window rather than opening a second one.
    this.opened = window.open(this.viewUrl.href, 'lp-speaker-view', 'width=1100,height=700');
    if (!this.opened) window.alert('The speaker view could not open: allow pop-ups for this page, then press S again.');
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== window.location.origin || !event.source || !('postMessage' in event.source)) return;
    const message = decodeToLecture(event.data);
    if (!message) return;
    const source = event.source as Window;
    if (message.type === 'heartbeat') {
      // A view that has just loaded, or one that does not know this page yet (it reloaded): tell it everything.
      if (!this.views.has(source) || !message.connected) {
        this.views.add(source);
        this.tell(source, true);
      }
      return;
    }
    if (!this.views.has(source)) return;
    const [h = 0, v = 0, f] = message.arguments;
    if (message.methodName === 'next') this.deck.next();
    else if (message.methodName === 'prev') this.deck.prev();
    else this.deck.slide(h, v, f);
  }

  private tellAll(): void {
    for (const view of this.views) {
      if (view.closed) this.views.delete(view);
      else this.tell(view, false);
    }
  }

  /** Tells a view where the deck stands; on `connect`, also where to load the previews from. */
  private tell(view: Window, connect: boolean): void {
    const report = this.report();
    const { origin, pathname } = window.location;
    const message = connect
      ? encode({ type: 'connect', url: origin + pathname, report })
      : encode({ type: 'state', report });
    view.postMessage(message, origin);
  }

  private report(): SlideReport {
    const slide = this.deck.getCurrentSlide();
    return {
      state: this.deck.getState(),
      notes: notesOf(slide),
      slide: this.deck.getSlidePastCount() + 1,
      total: this.deck.getTotalSlides(),
      title: normalised(slide.querySelector('h1, h2, h3')?.textContent),
      last: this.deck.isLastSlide() && !this.deck.availableFragments().next,
    };
  }
}

/** reveal.js's rule: the notes of the fragment just shown if it has any, else the slide's own (outside fragments). */
function notesOf(slide: HTMLElement): string {
  if (slide.hasAttribute('data-notes')) return slide.getAttribute('data-notes') ?? '';
  const fragment = slide.querySelector('.current-fragment');
  const ofFragment = fragment?.querySelector('aside.notes') ?? fragment?.getAttribute('data-notes');
  if (typeof ofFragment === 'string') return ofFragment;
  if (ofFragment) return normalised(ofFragment.textContent);
  return [...slide.querySelectorAll('aside.notes')]
    .filter((aside) => aside.closest('.fragment') === null)
    .map((aside) => normalised(aside.textContent))
    .join('\n\n');
}

function normalised(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
