/**
 * Colours and marker shapes of the two classes. Okabe–Ito vermillion and
 * blue stay apart under every common colour-vision deficiency, and the shapes
 * differ too, so the classes read even in greyscale on a washed-out projector.
 * On a dark background the blue gives way to Okabe–Ito's sky blue (3.6:1
 * against the dark background would be too faint; sky blue is 7.8:1). These
 * are the defaults of the theme's --lp-class0-color and --lp-class1-color
 * (components/theme.ts); an embedding page may change them.
 */
export const CLASS_STYLE = [
  { label: 't = 0', color: '#D55E00', darkColor: '#D55E00', shape: 'circle' },
  { label: 't = 1', color: '#0072B2', darkColor: '#56B4E9', shape: 'triangle' },
] as const;

export type ClassLabel = 0 | 1;

/**
 * The racers of a race (src/model/race.ts), in race order: each its own
 * Okabe–Ito colour, its own dash and its own marker, so that six paths and
 * six curves stay apart under every common colour-vision deficiency and in
 * greyscale. Racer 1, the model, keeps the orange its path always had.
 * `surface` is the colour on the cost surface's viridis (where the sixth
 * racer, the theme's text colour elsewhere, is white); every path there is
 * drawn over a dark halo.
 */
export const RACER_STYLE = [
  { color: '#E69F00', surface: '#E69F00', dash: '', symbol: 'circle' },
  { color: '#56B4E9', surface: '#56B4E9', dash: '7 3', symbol: 'square' },
  { color: '#009E73', surface: '#2fc79a', dash: '2 3', symbol: 'triangle' },
  { color: '#CC79A7', surface: '#CC79A7', dash: '9 3 2 3', symbol: 'diamond' },
  { color: '#D55E00', surface: '#D55E00', dash: '4 2', symbol: 'cross' },
  { color: 'var(--_lp-text)', surface: '#FFFFFF', dash: '1 2', symbol: 'star' },
] as const;

export type RacerSymbol = (typeof RACER_STYLE)[number]['symbol'];
