/** The keyboard shortcuts of the playground (listed in lp-transport's help). */

export type ShortcutAction = 'toggle-play' | 'step' | 'step10' | 'reset' | 'presentation' | 'help';

/** Elements that use these keys themselves: typing in a field must not start training. */
const OWN_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

/** The action a key press asks for, or undefined if it is not a shortcut here. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const target = event.composedPath()[0];
  if (target instanceof HTMLElement && (OWN_KEYS.has(target.tagName) || target.isContentEditable)) return undefined;
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
