/**
 * A note an element says after something the user did (a link copied, an
 * export that failed). It goes at the next thing the user does (a key or a
 * pointer pressed anywhere on the page, outside what `keep` accepts) and,
 * unless it must stay to be acted on, by itself after a few seconds: an old
 * note never covers what came after it.
 *
 * A Lit reactive controller: the host renders `text` unless `shownElsewhere`.
 * Each note (and its going, as '') is offered to the page as a cancelable
 * `lp-note` event; a page that shows it in a place of its own (the
 * playground's status line) cancels the event, and the host shows nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a note stays when nothing else happens. */
export const NOTE_MS = 8000;

export type NoteEvent = CustomEvent<{ text: string }>;

export class TransientNote implements ReactiveController {
  /** What the note says now ('' for nothing). */
  text = '';
  /** The page took the last note to show it itself. */
  shownElsewhere = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Presses on these (a field holding a link to copy) are not a next action: the note stays. */
    private readonly keep: (path: readonly EventTarget[]) => boolean = () => false,
  ) {
    host.addController(this);
  }

  /** Says `text`; `lasting` keeps it until the next action (it asks for one), not just a few seconds. */
  say(text: string, lasting = false): void {
    this.stop();
    this.text = text;
    const event = new CustomEvent('lp-note', { detail: { text }, bubbles: true, composed: true, cancelable: true });
    this.shownElsewhere = !this.host.dispatchEvent(event);
    this.host.requestUpdate();
    if (!text) return;
    if (!lasting) this.timer = setTimeout(() => this.say(''), NOTE_MS);
    // Said in answer to an event that has been dispatched already: the next press is the next action.
    this.listening = true;
    document.addEventListener('pointerdown', this.onAction, true);
    document.addEventListener('keydown', this.onAction, true);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Only what was added is taken back: an element that said nothing leaves the page's listeners alone.
    if (!this.listening) return;
    this.listening = false;
    document.removeEventListener('pointerdown', this.onAction, true);
    document.removeEventListener('keydown', this.onAction, true);
  }

  private onAction = (event: Event): void => {
    if (!this.keep(event.composedPath())) this.say('');
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A note to show for a while (see TransientNote); cancel it to show it yourself. */
    'lp-note': NoteEvent;
  }
}
