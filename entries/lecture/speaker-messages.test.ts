import { describe, expect, it } from 'vitest';
import { formatElapsed } from './speaker-clock';
import { decodeToLecture, decodeToView, encode, type SlideReport } from './speaker-messages';

const report: SlideReport = {
  state: { indexh: 2, indexv: 0, indexf: -1, paused: false, overview: false },
  notes: 'Say why.',
  slide: 3,
  total: 15,
  title: 'The log-odds are z',
  last: false,
};

describe('the speaker view’s messages', () => {
  it('read back what was sent', () => {
    expect(decodeToView(encode({ type: 'connect', url: 'http://127.0.0.1:4173/lecture.html', report }))).toEqual({
      type: 'connect',
      url: 'http://127.0.0.1:4173/lecture.html',
      report,
    });
    expect(decodeToView(encode({ type: 'state', report }))).toEqual({ type: 'state', report });
    expect(decodeToLecture(encode({ type: 'heartbeat', connected: true }))).toEqual({
      type: 'heartbeat',
      connected: true,
    });
    expect(decodeToLecture(encode({ type: 'call', methodName: 'slide', arguments: [0] }))).toEqual({
      type: 'call',
      methodName: 'slide',
      arguments: [0],
    });
  });

  it('ignore whatever else a window may post', () => {
    const other = [
      undefined,
      42,
      'not json',
      '[1,2]',
      'null',
      JSON.stringify({ method: 'setState', args: [] }),
      JSON.stringify({ namespace: 'reveal', eventName: 'ready' }),
      JSON.stringify({ namespace: 'reveal-notes', type: 'state' }),
      JSON.stringify({ namespace: 'reveal-notes', type: 'state', report: { ...report, slide: -1 } }),
      JSON.stringify({ namespace: 'reveal-notes', type: 'connect', report }),
    ];
    for (const data of other) expect(decodeToView(data), String(data)).toBeUndefined();
  });

  it('let the view ask only for the deck’s moves, with slide numbers', () => {
    const call = (methodName: unknown, args: unknown) =>
      decodeToLecture(JSON.stringify({ namespace: 'reveal-notes', type: 'call', methodName, arguments: args }));
    expect(call('next', undefined)).toEqual({ type: 'call', methodName: 'next', arguments: [] });
    for (const [method, args] of [
      ['destroy', []],
      ['setState', [{}]],
      ['slide', [-1]],
      ['slide', [1.5]],
      ['slide', ['1']],
      ['slide', [0, 0, 0, 0]],
      ['next', 'now'],
    ] as const)
      expect(call(method, args), `${method}(${JSON.stringify(args)})`).toBeUndefined();
  });
});

describe('formatElapsed', () => {
  it('says hours, minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(754_999)).toBe('0:12:34');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('0:00:00');
  });
});
