/**
 * A plot drawn by PlotFrame as a file: a standalone SVG (the canvas's raster
 * embedded as a PNG image under the chart, every style the page's CSS gave
 * the marks written onto them, so the file looks the same anywhere), and a
 * PNG of it at twice the CSS size. HTML overlays (legends, hints) stay on
 * the page.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The styles that make a mark look as it does; everything else is layout the SVG has already. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

export interface FigureParts {
  readonly svg: SVGSVGElement;
  readonly raster: HTMLCanvasElement | null;
  readonly width: number;
  readonly height: number;
}

/** The chart and the raster of a plot element (anything drawn with PlotFrame). */
export function figureParts(element: Element): FigureParts {
  const root = element.shadowRoot ?? element;
  const svg = root.querySelector<SVGSVGElement>('svg.chart');
  if (!svg) throw new Error(`<${element.localName}> has no chart to export yet`);
  const { width, height } = svg.getBoundingClientRect();
  return { svg, raster: root.querySelector<HTMLCanvasElement>('canvas.raster'), width, height };
}

/** Copies the computed look of each mark of `from` onto the same mark of `to` (a deep clone of it). */
function inlineStyles(from: Element, to: Element): void {
  const computed = getComputedStyle(from);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  to.setAttribute('style', style);
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length; i++) {
    const next = b[i];
    if (a[i] && next) inlineStyles(a[i] as Element, next);
  }
}

/**
 * The plot as the text of a standalone SVG file, on `background` (the page's:
 * a dark theme's light text stays readable wherever the file goes); with
 * `raster` false, without the canvas image (for the PNG, which paints both).
 */
export function figureSvg(parts: FigureParts, background?: string, raster = true): string {
  const { svg, width, height } = parts;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const color = getComputedStyle(svg).color;
  clone.setAttribute('style', `${clone.getAttribute('style') ?? ''};color:${color};overflow:visible`);
  let backdrop: SVGRectElement | undefined;
  if (background) {
    const rect = document.createElementNS(SVG_NS, 'rect');
    backdrop = rect;
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', background);
    clone.insertBefore(rect, clone.firstChild);
  }
  if (raster && parts.raster && parts.raster.width > 0) {
    const image = document.createElementNS(SVG_NS, 'image');
    // Above the background, under the marks.
    image.setAttribute('href', parts.raster.toDataURL('image/png'));
    image.setAttribute('width', String(width));
    image.setAttribute('height', String(height));
    image.setAttribute('preserveAspectRatio', 'none');
    clone.insertBefore(image, backdrop ? backdrop.nextSibling : clone.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The plot as a PNG at `scale` times its CSS size, on `background` (the page's, so dark mode stays dark). */
export async function figurePng(parts: FigureParts, background: string, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(parts.width * scale);
  canvas.height = Math.round(parts.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a PNG (no 2-D canvas)');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (parts.raster && parts.raster.width > 0) ctx.drawImage(parts.raster, 0, 0, canvas.width, canvas.height);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figureSvg(parts, undefined, false))}`;
  await image.decode();
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made'))), 'image/png'),
  );
}
