/**
 * Colour scales of the views. The probability heatmap fades from the class-0
 * colour through white (P = 0.5, the boundary) to the class-1 colour; the cost
 * surface uses viridis on a log scale, readable in greyscale and by every
 * common colour-vision type.
 */
import * as d3 from 'd3';
import { CLASS_STYLE } from './palette';

export const probabilityColor = d3
  .scaleLinear<string>()
  .domain([0, 0.5, 1])
  .range([CLASS_STYLE[0].color, '#ffffff', CLASS_STYLE[1].color])
  .interpolate(d3.interpolateRgb)
  .clamp(true);

/** Paints a size×size grid (row 0 at the bottom) into an RGBA image, top row first as canvases expect. */
export function gridToImage(values: Float32Array, size: number, color: (v: number) => string, alpha = 255): ImageData {
  const image = new ImageData(size, size);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const c = d3.rgb(color(values[j * size + i] as number));
      const o = ((size - 1 - j) * size + i) * 4;
      image.data[o] = c.r;
      image.data[o + 1] = c.g;
      image.data[o + 2] = c.b;
      image.data[o + 3] = alpha;
    }
  }
  return image;
}
