/**
 * The elements' theme, in one place: every colour and font an embedding page
 * may change is a documented CSS custom property `--lp-…`, read here once,
 * with today's light look as its fallback and a dark one where the page is
 * dark. Each element includes `themeStyles`; its own rules use the private
 * `--_lp-…` names declared here, not colours of their own (the marks on the
 * cost surface's viridis keep white and near-black, which read there in any
 * theme).
 *
 * Dark follows `color-scheme`: the elements ask for `light dark` (so they
 * follow `prefers-color-scheme`), unless the page sets `--lp-color-scheme`
 * (`light` pins the light look, as the lecture's white slides do). The
 * fallbacks are `light-dark()` pairs, resolved where they are used.
 *
 * Shared by every element (the manifest adds these to each; see
 * custom-elements-manifest.config.mjs):
 * @cssprop --lp-color-scheme - `light dark` (default: follow the reader's system), `light` or `dark`
 * @cssprop --lp-text-color - the text (default #1a1a1a; dark #e6e8eb)
 * @cssprop --lp-muted-color - secondary text: labels, hints (default #555; dark #a9b1ba)
 * @cssprop --lp-background - the element's own background (default transparent; dark #15171a)
 * @cssprop --lp-font-family - the text's font (default: the page's; <lp-playground> system-ui)
 * @cssprop --lp-mono-font-family - the numbers' font in readouts and fields (default ui-monospace, monospace)
 */
import { css, unsafeCSS } from 'lit';
import type { ColorRamp } from '../src/plot/colors';
import { CLASS_STYLE } from '../src/plot/palette';

const [CLASS0, CLASS1] = CLASS_STYLE;

export const themeStyles = css`
  :host {
    color-scheme: var(--lp-color-scheme, light dark);
    /* Unset, the page's font (a var() with no fallback inherits). */
    font-family: var(--lp-font-family);
    color: var(--_lp-text);
    background: var(--_lp-background);
    /* Sliders, checkboxes and radios in the theme's accent too. */
    accent-color: var(--_lp-accent);

    --_lp-text: var(--lp-text-color, light-dark(#1a1a1a, #e6e8eb));
    --_lp-muted: var(--lp-muted-color, light-dark(#555, #a9b1ba));
    --_lp-background: var(--lp-background, light-dark(transparent, #15171a));
    --_lp-surface: var(--lp-surface, light-dark(#ffffff, #1f2329));
    /* A shade off the surface: table headers, a file button. */
    --_lp-surface-2: color-mix(in srgb, var(--_lp-text) 6%, var(--_lp-surface));
    --_lp-border: var(--lp-border-color, light-dark(#bbb, #4b525b));
    /* What a control's edge needs to be seen (3:1 against the surface). */
    --_lp-control-border: var(--lp-control-border-color, light-dark(#777, #8b949e));
    --_lp-accent: var(--lp-accent, light-dark(#0b5394, #74b6ef));
    --_lp-on-accent: var(--lp-on-accent-color, light-dark(#ffffff, #0d1117));
    --_lp-focus: var(--lp-focus-color, light-dark(#0072b2, #56b4e9));
    --_lp-highlight: var(--lp-highlight-color, #e69f00);
    --_lp-mono: var(--lp-mono-font-family, ui-monospace, monospace);

    /* Okabe–Ito: vermillion and blue (sky blue on dark, for contrast) stay apart under every common colour-vision deficiency. */
    --_lp-class0: var(--lp-class0-color, light-dark(${unsafeCSS(CLASS0.color)}, ${unsafeCSS(CLASS0.darkColor)}));
    --_lp-class1: var(--lp-class1-color, light-dark(${unsafeCSS(CLASS1.color)}, ${unsafeCSS(CLASS1.darkColor)}));
    /* Text on a class colour, 4.5:1 or more against the default colours. */
    --_lp-on-class0: #000000;
    --_lp-on-class1: light-dark(#ffffff, #000000);
    --_lp-boundary: var(--lp-boundary-color, light-dark(#111111, #f2f2f2));

    /* Series of the charts (cost, accuracy, a third curve); the text ones are darker or lighter for 4.5:1. */
    --_lp-series-a: light-dark(#0072b2, #56b4e9);
    --_lp-series-b: light-dark(#d55e00, #e69f00);
    --_lp-series-b-text: light-dark(#b54700, #f0a35e);
    --_lp-series-c: light-dark(#009e73, #2fc79a);

    --_lp-error: var(--lp-error-color, light-dark(#b00020, #ff6b81));
    --_lp-error-text: light-dark(#8a0018, #ffb3bf);
    --_lp-error-surface: light-dark(#fde8e8, #3b1d22);
    --_lp-notice: light-dark(#b07d00, #d9a520);
    --_lp-notice-text: light-dark(#6b4a00, #f3c969);
    --_lp-notice-surface: light-dark(#fff4d6, #382f1a);
    --_lp-busy-surface: light-dark(#e8f1fb, #1c2a3b);
    --_lp-good-text: light-dark(#035e35, #86e0b0);
    --_lp-good-surface: light-dark(#e6f5ec, #163324);
    --_lp-right-surface: light-dark(#e6f2e6, #1d3323);
    --_lp-wrong-surface: light-dark(#fbe9e7, #3b2222);
    --_lp-tooltip: light-dark(rgba(20, 20, 20, 0.88), rgba(240, 242, 245, 0.95));
    --_lp-on-tooltip: light-dark(#ffffff, #111111);
    --_lp-shadow: light-dark(rgba(0, 0, 0, 0.2), rgba(0, 0, 0, 0.6));
  }
  /* An element inside another sits on the outer one's background: only the outermost paints it. */
  * { --lp-background: transparent; }
`;

/**
 * The ramp as the host's theme paints it now: a ramp with a theme is rebuilt
 * (cached by its colours) through the stops' colours on the host, so a
 * colour the page sets, or the dark theme, reaches the canvas as it reaches
 * the SVG and the text. Every canvas ramp goes through here.
 */
export function themedRamp(host: HTMLElement, ramp: ColorRamp): ColorRamp {
  const theme = ramp.theme;
  if (!theme) return ramp;
  return theme.build(theme.stops.map((stop) => `rgb(${themeColor(host, stop).join(',')})`));
}

/** One 1×1 canvas for every colour read back as bytes. */
let pixel: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * The colour a CSS value (a `var(--_lp-…)`, a `light-dark()`, any colour
 * syntax) takes on `host` now, as sRGB bytes. The canvas can only be painted
 * with resolved colours: a hidden probe in the host's shadow root resolves the
 * value where the host's theme applies, and a pixel turns whatever colour
 * syntax that gives back into bytes.
 */
export function themeColor(host: HTMLElement, value: string): [number, number, number] {
  const root = host.shadowRoot ?? host;
  let probe = root.querySelector<HTMLElement>(':scope > [data-lp-theme-probe]');
  if (!probe) {
    probe = document.createElement('span');
    probe.dataset.lpThemeProbe = '';
    probe.hidden = true;
    root.append(probe);
  }
  probe.style.color = value;
  const resolved = getComputedStyle(probe).color;
  pixel ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!pixel) return [0, 0, 0];
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = resolved;
  pixel.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = pixel.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}
