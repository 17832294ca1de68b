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
