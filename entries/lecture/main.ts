/**
 * The lecture page: reveal.js runs the deck (keys, clicker, a URL per slide,
 * speaker notes, overview, fragments, scroll view, print); this module only
 * registers the figure elements the slides use and keeps each slide's model at
 * the iteration the slide shows (see step-sync.ts); speaker-link.ts links it
 * to its speaker view.
 */
import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white-contrast.css';
import './lecture.css';
import '../../components/lp-confusion-matrix';
import '../../components/lp-cost-surface';
import '../../components/lp-cross-entropy-figure';
import '../../components/lp-cross-entropy-gradient-figure';
import '../../components/lp-initial-weights';
import '../../components/lp-likelihood-figure';
import '../../components/lp-log-odds-figure';
import '../../components/lp-logistic-derivative-figure';
import '../../components/lp-logistic-figure';
import '../../components/lp-loss-chart';
import '../../components/lp-model';
import '../../components/lp-model-diagram';
import '../../components/lp-readout';
import '../../components/lp-race-table';
import '../../components/lp-scatter';
import '../../components/lp-tex';
import { controlOwnsKey } from '../../components/shortcuts';
import { presentFramedPlaygrounds } from './framed-playground';
import { printHandoutLinks } from './handout-links';
import type { LectureApi } from './lecture-api';
import { bindSlideModels, type PrintAware } from './slide-models';
import { isSpeakerPreview, speakerViewPlugin } from './speaker-link';

const deck = new Reveal({
  hash: true,
  // #/12 is the slide numbered 12 (slides with an id use it: #/descent).
  hashOneBasedIndex: true,
  // The deck's own size: reveal scales it to the screen, so 1920×1080 shows it 1.5 times as large as 1280×720.
  width: 1280,
  height: 720,
  margin: 0.03,
  center: false,
  slideNumber: 'c/t',
  // One page per slide in the handout, with every step fragment shown.
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
  // S opens our speaker view (speaker.html), not reveal.js's notes window, which the security policy stops.
  plugins: [speakerViewPlugin('./speaker.html')],
  // Only the speaker view's previews take orders from another window.
  postMessage: isSpeakerPreview(),
  // reveal.js sees only the element that holds a shadow root: keys typed in a figure's field or pressed on its button stay there.
  keyboardCondition: (event) => !controlOwnsKey(event),
});

presentFramedPlaygrounds(document);
const bound = bindSlideModels(deck);
const lecture: LectureApi = {
  deck,
  ready: deck.initialize().then(() => {
    if ((deck as PrintAware).isPrintView?.()) printHandoutLinks(document);
    return bound.settled();
  }),
  settled: () => bound.settled(),
};
window.lecture = lecture;
