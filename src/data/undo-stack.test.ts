import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack';

/** Commands to an editor whose document is a list of numbers: each step appends one; undo takes it off, redo puts it back. */
const commands = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('do' as const), value: fc.integer() }),
    fc.constant({ kind: 'undo' as const }),
    fc.constant({ kind: 'redo' as const }),
  ),
  { maxLength: 300 },
);

describe('undo and redo', () => {
  it('restores every earlier document exactly, whatever the sequence of edits, undos and redos', () => {
    fc.assert(
      fc.property(commands, fc.integer({ min: 1, max: 60 }), (list, limit) => {
        const stack = new UndoStack<number>(limit);
        let doc: number[] = [];
        // The model: the documents in order, and where we stand among them.
        let timeline: number[][] = [[]];
        let at = 0;
        for (const command of list) {
          if (command.kind === 'do') {
            doc = [...doc, command.value];
            stack.push(command.value);
            timeline = [...timeline.slice(0, at + 1), doc].slice(-(limit + 1));
            at = timeline.length - 1;
          } else if (command.kind === 'undo') {
            const step = stack.undo();
            expect(step === undefined).toBe(at === 0);
            if (step !== undefined) {
              expect(doc.at(-1)).toBe(step);
              doc = doc.slice(0, -1);
              at--;
            }
          } else {
            const step = stack.redo();
            expect(step === undefined).toBe(at === timeline.length - 1);
            if (step !== undefined) {
              doc = [...doc, step];
              at++;
            }
          }
          expect(doc).toEqual(timeline[at]);
          expect(stack.depth).toEqual({ undo: at, redo: timeline.length - 1 - at });
        }
      }),
    );
  });

  it('keeps at least 50 levels by default', () => {
    const stack = new UndoStack<number>();
    for (let i = 0; i < 60; i++) stack.push(i);
    const undone = Array.from({ length: 60 }, () => stack.undo());
    expect(undone).toEqual(Array.from({ length: 60 }, (_, i) => 59 - i));
    expect(stack.undo()).toBeUndefined();
  });

  it('forgets what was undone once something new is done', () => {
    const stack = new UndoStack<string>();
    stack.push('a');
    stack.push('b');
    stack.undo();
    stack.push('c');
    expect(stack.redo()).toBeUndefined();
    expect(stack.undo()).toBe('c');
    expect(stack.undo()).toBe('a');
  });

  it('puts a step back where it was when carrying it out failed', () => {
    const stack = new UndoStack<string>();
    stack.push('a');
    stack.undo();
    stack.undoFailed();
    expect(stack.nextUndo).toBe('a');
    expect(stack.nextRedo).toBeUndefined();
    stack.undo();
    stack.redo();
    stack.redoFailed();
    expect(stack.nextRedo).toBe('a');
    expect(stack.nextUndo).toBeUndefined();
  });

  it('puts nothing back when there was nothing to put back', () => {
    const stack = new UndoStack<string>();
    stack.undoFailed();
    stack.redoFailed();
    expect(stack.depth).toEqual({ undo: 0, redo: 0 });
    stack.push('a');
    stack.undoFailed();
    expect(stack.depth).toEqual({ undo: 1, redo: 0 });
    stack.undo();
    stack.redoFailed();
    expect(stack.depth).toEqual({ undo: 0, redo: 1 });
  });
});
