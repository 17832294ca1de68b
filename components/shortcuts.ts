/**
 * The playground's keyboard shortcuts, and a reactive controller that
 * listens for them on the element (and, with `global-shortcuts`, on the whole
 * page). A shortcut works wherever focus is, except in a text field, and
 * except for the keys a control reached by keyboard uses itself (Space on a
 * button, arrows on a slider): a button that was clicked with the mouse
 * keeps focus but not the keys. Which control the pointer focused is noted
 * from pointer events (the browser's :focus-visible turns on with any key).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ShortcutAction = 'toggle-play' | 'step' | 'step10' | 'reset' | 'undo' | 'redo' | 'presentation' | 'help';

export const SHORTCUTS: ReadonlyArray<readonly [key: string, action: string]> = [
  ['Space', 'play / pause'],
  ['→', 'one step'],
  ['Shift + →', 'ten steps'],
  ['R', 'reset to w(0)'],
  ['Ctrl + Z', 'undo a change of the data'],
  ['Ctrl + Shift + Z', 'redo it'],
  ['Ctrl + V', 'paste CSV data (outside a text field)'],
  ['P', 'presentation mode'],
  ['?', 'this help (Esc closes it)'],
];

const TEXT_TYPES = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url']);
const ACTIVATION_KEYS = new Set([' ', 'Enter']);
const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/** The keys a control handles itself when it has keyboard focus. */
function ownKeys(element: HTMLElement): ReadonlySet<string> | 'all' {
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return 'all';
  if (element instanceof HTMLInputElement) {
    if (TEXT_TYPES.has(element.type)) return 'all';
    if (element.type === 'range') return ARROW_KEYS;
    if (element.type === 'radio') return new Set([...ACTIVATION_KEYS, ...ARROW_KEYS]);
    return ACTIVATION_KEYS;
  }
  if (element.tagName === 'SELECT') return new Set([...ACTIVATION_KEYS, ...ARROW_KEYS]);
  if (element.tagName === 'BUTTON' || element.tagName === 'SUMMARY' || element.tagName === 'A') return ACTIVATION_KEYS;
  return new Set();
}

/** Whether `target` takes text (a field, a text area, an editable): its keys, its Ctrl+Z and its pastes are its own. */
export function isTextField(target: EventTarget | undefined): boolean {
  return target instanceof HTMLElement && ownKeys(target) === 'all';
}

/**
 * Whether the control the key was pressed in (through shadow roots) uses the
 * key itself: a page's own keys (a slide deck's) must leave it alone.
 */
export function controlOwnsKey(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  const own = ownKeys(target);
  return own === 'all' || own.has(event.key);
}

/**
 * The action a key press asks for, or undefined if it is not a shortcut here.
 * `pointerFocused` is the control the pointer last put focus on: its own
 * keys are shortcuts too.
 */
export function shortcutFor(event: KeyboardEvent, pointerFocused?: EventTarget): ShortcutAction | undefined {
  const target = event.composedPath()[0];
  if ((event.ctrlKey || event.metaKey) && !event.altKey) {
    // A text field undoes its own typing.
    if (isTextField(target)) return undefined;
    return undoKey(event);
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (target instanceof HTMLElement) {
    const own = ownKeys(target);
    if (own === 'all') return undefined;
    if (own.has(event.key) && target !== pointerFocused) return undefined;
    // A list reached by keyboard jumps to the option a letter starts: its letters are not shortcuts.
    if (target.tagName === 'SELECT' && event.key.length === 1 && target !== pointerFocused) return undefined;
  }
  switch (event.key) {
    case ' ':
      return 'toggle-play';
    case 'ArrowRight':
      return event.shiftKey ? 'step10' : 'step';
    case 'r':
    case 'R':
      return 'reset';
    case 'p':
    case 'P':
      return 'presentation';
    case '?':
      return 'help';
    default:
      return undefined;
  }
}

/** Ctrl (⌘) + Z undoes; with Shift, or Ctrl + Y, it redoes. */
function undoKey(event: KeyboardEvent): ShortcutAction | undefined {
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return undefined;
}

export interface ShortcutHost extends ReactiveControllerHost, HTMLElement {
  /** Whether keys pressed anywhere on the page count, not only inside the element. */
  readonly globalShortcuts: boolean;
}

/** Listens on the element, and on the document with `global-shortcuts`; stops listening when disconnected. */
export class ShortcutController implements ReactiveController {
  private listening: Document | undefined;
  /** The control a pointer press focused, until focus moves by other means. */
  private pointerFocused: EventTarget | undefined;
  private pointerDown = false;
  private connected = false;

  constructor(
    private readonly host: ShortcutHost,
    private readonly act: (action: ShortcutAction) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.host.addEventListener('keydown', this.onKey);
    this.host.addEventListener('pointerdown', this.onPointerDown, true);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.hostUpdated();
  }

  /** Follows the `global-shortcuts` attribute (not after a disconnect: an update may still run then). */
  hostUpdated(): void {
    const wanted = this.connected && this.host.globalShortcuts ? this.host.ownerDocument : undefined;
    if (wanted === this.listening) return;
    this.listening?.removeEventListener('keydown', this.onDocumentKey);
    wanted?.addEventListener('keydown', this.onDocumentKey);
    this.listening = wanted;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.host.removeEventListener('keydown', this.onKey);
    this.host.removeEventListener('pointerdown', this.onPointerDown, true);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.listening?.removeEventListener('keydown', this.onDocumentKey);
    this.listening = undefined;
  }

  private onPointerDown = (event: PointerEvent): void => {
    this.pointerDown = true;
    this.pointerFocused = event.composedPath()[0];
    // The focus a press gives arrives just after it; anything later is the keyboard's.
    setTimeout(() => {
      this.pointerDown = false;
    }, 0);
  };

  private onFocusIn = (event: FocusEvent): void => {
    this.pointerFocused = this.pointerDown ? event.composedPath()[0] : undefined;
  };

  private onKey = (event: KeyboardEvent): void => {
    const action = shortcutFor(event, this.pointerFocused);
    if (action && this.act(action)) event.preventDefault();
  };

  /** Keys pressed elsewhere on the page; those inside the element were handled by onKey. */
  private onDocumentKey = (event: KeyboardEvent): void => {
    if (!event.composedPath().includes(this.host)) this.onKey(event);
  };
}
