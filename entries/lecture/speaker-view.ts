/**
 * speaker.html: the lecture's speaker view, opened from the lecture with S.
 * It shows the slide on screen, the next one, the slide's notes and the time,
 * follows the deck as the lecturer moves it, and moves the deck with the same
 * keys. It talks only to the window that opened it (see speaker-messages.ts).
 */
import './speaker-view.css';
import { SpeakerClock } from './speaker-clock';
import { type DeckMove, decodeToView, encode, type SlideReport } from './speaker-messages';
import { Previews } from './speaker-previews';

function part<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`speaker.html has no ${selector}`);
  return found;
}

const notes = part('[data-speaker="notes"]');
const position = part('[data-speaker="position"]');
const end = part('[data-speaker="end"]');
const status = part('[data-speaker="status"]');
const upcoming = part<HTMLIFrameElement>('iframe[title="Upcoming slide"]');
const previews = new Previews(part<HTMLIFrameElement>('iframe[title="Current slide"]'), upcoming);
const clock = new SpeakerClock(part('[data-speaker="timer"]'), part('[data-speaker="clock"]'));
part('[data-speaker="reset"]').addEventListener('click', () => clock.restart());

const lecture = window.opener as Window | null;
let connected = false;

function say(text: string): void {
  status.textContent = text;
  status.hidden = text === '';
}

function send(message: Parameters<typeof encode>[0]): void {
  lecture?.postMessage(encode(message), window.location.origin);
}

function show(report: SlideReport): void {
  notes.textContent = report.notes || 'No notes for this slide.';
  position.textContent = `${report.slide} / ${report.total}: ${report.title}`;
  end.hidden = !report.last;
  upcoming.hidden = report.last;
  previews.show(report.state);
}

window.addEventListener('message', (event) => {
  if (!lecture || event.source !== lecture || event.origin !== window.location.origin) return;
  const message = decodeToView(event.data);
  if (!message) return;
  if (message.type === 'connect') {
    previews.load(message.url);
    if (!connected) clock.restart();
    connected = true;
    say('');
    document.querySelector('main')?.setAttribute('aria-busy', 'false');
  }
  show(message.report);
});

if (lecture) {
  // Said at once and every second: a lecture page that reloads finds its view again.
  const beat = () => send({ type: 'heartbeat', connected });
  beat();
  setInterval(beat, 1000);
  setTimeout(() => {
    if (!connected) say('No answer from the lecture: close this window and press S in the lecture again.');
  }, 5000);
} else {
  say('Open the speaker view from the lecture: press S there.');
}

/** The deck's keys, here too: the lecturer may look at this window while talking. */
const KEYS: Readonly<Record<string, DeckMove>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
};

document.addEventListener('keydown', (event) => {
  if (!connected || event.altKey || event.ctrlKey || event.metaKey) return;
  // Space and Enter on the button are the button's.
  if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
  const move = KEYS[event.key];
  if (move) send({ type: 'call', methodName: move, arguments: [] });
  else if (event.key === 'Home') send({ type: 'call', methodName: 'slide', arguments: [0] });
  else return;
  event.preventDefault();
});
