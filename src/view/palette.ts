/**
 * Colours and marker shapes of the two classes. Okabe–Ito vermillion and
 * blue stay apart under every common colour-vision deficiency, and the shapes
 * differ too, so the classes read even in greyscale on a washed-out projector.
 */
export const CLASS_STYLE = [
  { label: 't = 0', color: '#D55E00', shape: 'circle' },
  { label: 't = 1', color: '#0072B2', shape: 'triangle' },
] as const;

export type ClassLabel = 0 | 1;
