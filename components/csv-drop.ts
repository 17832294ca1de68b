/**
 * Dropping a CSV file (or dragged text) on an element imports it: a reactive
 * controller that accepts the drop, outlines the element while something
 * droppable is over it, and sends the file up as `lp-import-csv` for the
 * model's import to read. A `readonly` host takes no drops.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SOURCE } from '../src/text/messages';
import { controlEvent } from './events';

export interface DropHost extends ReactiveControllerHost, HTMLElement {
  readonly readonly: boolean;
}

/** Whether a drag carries a file or text, which an import can read. */
function droppable(transfer: DataTransfer | null): transfer is DataTransfer {
  return transfer !== null && (transfer.types.includes('Files') || transfer.types.includes('text/plain'));
}

export class CsvDropController implements ReactiveController {
  constructor(private readonly host: DropHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.onOver);
    this.host.addEventListener('dragleave', this.onLeave);
    this.host.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.onOver);
    this.host.removeEventListener('dragleave', this.onLeave);
    this.host.removeEventListener('drop', this.onDrop);
    this.outline(false);
  }

  private onOver = (event: DragEvent): void => {
    if (this.host.readonly || !droppable(event.dataTransfer)) return;
    // Without this the browser would not let it drop here (it would open the file instead).
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.outline(true);
  };

  private onLeave = (event: DragEvent): void => {
    // Moving between the plot's own parts is still over it.
    if (event.relatedTarget instanceof Node && this.host.contains(event.relatedTarget)) return;
    this.outline(false);
  };

  private onDrop = (event: DragEvent): void => {
    this.outline(false);
    const transfer = event.dataTransfer;
    if (this.host.readonly || !droppable(transfer)) return;
    const file = transfer.files[0];
    const text = file ? '' : transfer.getData('text/plain');
    if (!file && text.trim() === '') return;
    event.preventDefault();
    const source = file ?? new Blob([text], { type: 'text/plain' });
    this.host.dispatchEvent(controlEvent('lp-import-csv', { source, name: file?.name ?? SOURCE.dropped }));
  };

  /** Says where it will land: an outline drawn by the element's own style (no stylesheet of its own needed). */
  private outline(on: boolean): void {
    this.host.toggleAttribute('data-drop-target', on);
    this.host.style.outline = on ? '3px dashed var(--_lp-focus, #0072b2)' : '';
    this.host.style.outlineOffset = on ? '-3px' : '';
  }
}
