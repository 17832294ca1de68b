/**
 * How the elements' popover menus (Export ▾, Race ▾) behave beyond what the
 * popover attribute gives: a disclosure of plain buttons that closes when
 * focus leaves it, and gives focus back to its button when it closes with
 * focus inside (Escape, a choice made by keyboard).
 */

/** A focusout handler for the menu: Tab past its last item (or back past its button) closes it. */
export function closeWhenFocusLeaves(event: FocusEvent): void {
  const menu = event.currentTarget as HTMLElement;
  const to = event.relatedTarget as Node | null;
  if (to && !menu.contains(to) && menu.matches(':popover-open')) menu.hidePopover();
}

/**
 * A beforetoggle handler for the menu: closing with focus inside it gives focus to `button()`. The shadow
 * root is asked for when the menu closes (an element's render root does not exist when its fields are set).
 */
export function refocusOnClose(root: () => ShadowRoot, button: () => HTMLElement | null | undefined) {
  return (event: ToggleEvent): void => {
    const menu = event.target as HTMLElement;
    const focused = root().activeElement;
    if (event.newState === 'closed' && focused && menu.contains(focused)) {
      // After the menu has gone: focus set while it is still open would be undone by its closing.
      requestAnimationFrame(() => button()?.focus());
    }
  };
}
