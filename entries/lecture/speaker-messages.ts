/**
 * What the lecture and its speaker view (speaker.html) say to each other, in
 * reveal.js's notes protocol (namespace `reveal-notes`, JSON text): the view
 * announces itself with `heartbeat`s and asks the deck to move with `call`;
 * the lecture answers with `connect` (where the deck is, to load its previews
 * from) and then a `state` whenever the deck moves. Every message crosses
 * windows, so each is checked here before either side acts on it.
 */
import type { RevealState } from 'reveal.js';

const NAMESPACE = 'reveal-notes';

/** Where the deck stands, as the speaker view shows it. */
export interface SlideReport {
  /** reveal.js's own state, which the previews are set to. */
  readonly state: RevealState;
  /** The notes of the slide (or of the fragment shown), as text. */
  readonly notes: string;
  /** The slide's number, from 1, and how many there are. */
  readonly slide: number;
  readonly total: number;
  readonly title: string;
  /** Nothing comes after this: no slide and no fragment. */
  readonly last: boolean;
}

export type ToView =
  | { readonly type: 'connect'; readonly url: string; readonly report: SlideReport }
  | { readonly type: 'state'; readonly report: SlideReport };

/** The deck's moves the speaker view may ask for. */
export const DECK_MOVES = ['next', 'prev', 'slide'] as const;
export type DeckMove = (typeof DECK_MOVES)[number];

export type ToLecture =
  | { readonly type: 'heartbeat'; readonly connected: boolean }
  | { readonly type: 'call'; readonly methodName: DeckMove; readonly arguments: readonly number[] };

export function encode(message: ToView | ToLecture): string {
  return JSON.stringify({ namespace: NAMESPACE, ...message });
}

type Fields = Record<string, unknown>;

/** The message's fields when it is JSON text of our namespace; nothing otherwise. */
function fields(data: unknown): Fields | undefined {
  if (typeof data !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const message = parsed as Fields;
  return message.namespace === NAMESPACE ? message : undefined;
}

const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function report(v: unknown): SlideReport | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Fields;
  const state = r.state as Fields | null | undefined;
  const valid =
    typeof state === 'object' &&
    state !== null &&
    isIndex(state.indexh) &&
    isIndex(state.indexv) &&
    typeof r.notes === 'string' &&
    isIndex(r.slide) &&
    isIndex(r.total) &&
    typeof r.title === 'string' &&
    typeof r.last === 'boolean';
  return valid ? (r as unknown as SlideReport) : undefined;
}

export function decodeToView(data: unknown): ToView | undefined {
  const m = fields(data);
  const r = report(m?.report);
  if (!m || !r) return undefined;
  if (m.type === 'state') return { type: 'state', report: r };
  if (m.type === 'connect' && typeof m.url === 'string') return { type: 'connect', url: m.url, report: r };
  return undefined;
}

export function decodeToLecture(data: unknown): ToLecture | undefined {
  const m = fields(data);
  if (!m) return undefined;
  if (m.type === 'heartbeat') return { type: 'heartbeat', connected: m.connected === true };
  const args = m.arguments ?? [];
  if (
    m.type === 'call' &&
    DECK_MOVES.includes(m.methodName as DeckMove) &&
    Array.isArray(args) &&
    args.length <= 3 &&
    args.every(isIndex)
  )
    return { type: 'call', methodName: m.methodName as DeckMove, arguments: args };
  return undefined;
}
