import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-tex';
import type { LpTex } from './lp-tex';
import { mount, seriousViolations, settled } from './testing/mount';

const part = <E extends Element>(el: Element, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
};
/** The TeX that KaTeX wrote into the MathML, which screen readers and copy-paste see. */
const source = (el: Element) => part(el, 'annotation[encoding="application/x-tex"]').textContent;

/** The style sheets of the document that declare KaTeX's main font. */
function katexFontSheets(): number {
  return document.adoptedStyleSheets.filter((sheet) =>
    [...sheet.cssRules].some((rule) => rule instanceof CSSFontFaceRule && rule.cssText.includes('KaTeX_Main')),
  ).length;
}

describe('<lp-tex>', () => {
  it('typesets its text as a formula, with MathML for screen readers', async () => {
    // Backslashes doubled: a template literal's cooked text would read \f as a form feed.
    const el = await mount<LpTex>(html`<lp-tex>\\sigma(z) = \\frac{1}{1 + e^{-z}}</lp-tex>`);
    expect(source(el)).toBe('\\sigma(z) = \\frac{1}{1 + e^{-z}}');
    expect(el.shadowRoot?.querySelector('math')).not.toBeNull();
    expect(el.shadowRoot?.querySelector('.katex-html .mfrac')).not.toBeNull();
    expect(part(el, '.katex-html').textContent).toContain('σ');
    expect(el.shadowRoot?.querySelector('.katex-display')).toBeNull();
    expect(getComputedStyle(el).display).toBe('inline');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('takes the tex attribute over its text, and typesets a new one when it changes', async () => {
    const el = await mount<LpTex>(html`<lp-tex tex="y = \\sigma(z)">not this</lp-tex>`);
    expect(source(el)).toBe('y = \\sigma(z)');
    el.tex = 'P(t = 1 \\mid z) = y';
    await settled(el);
    expect(source(el)).toBe('P(t = 1 \\mid z) = y');
    expect(part(el, '.katex-html').textContent).toContain('∣');
  });

  it('sets a display formula on a line of its own', async () => {
    const el = await mount<LpTex>(html`<lp-tex display>\\xi(t, y) = -t \\log y</lp-tex>`);
    expect(el.shadowRoot?.querySelector('.katex-display')).not.toBeNull();
    expect(part(el, 'math').getAttribute('display')).toBe('block');
    expect(getComputedStyle(el).display).toBe('block');
    el.display = false;
    await settled(el);
    expect(el.hasAttribute('display')).toBe(false);
    expect(el.shadowRoot?.querySelector('.katex-display')).toBeNull();
    expect(getComputedStyle(el).display).toBe('inline');
  });

  it('shows what is wrong with a formula KaTeX cannot read, and reads its source out', async () => {
    const el = await mount<LpTex>(html`<lp-tex tex="\\frac{1}{"></lp-tex>`);
    const error = part(el, '.error');
    expect(error.getAttribute('role')).toBe('img');
    expect(error.getAttribute('aria-label')).toBe('\\frac{1}{');
    expect(error.textContent).toMatch(/^KaTeX parse error: /);
    expect(el.shadowRoot?.querySelector('.katex')).toBeNull();
    expect(await seriousViolations(el)).toEqual([]);
    el.tex = '\\frac{1}{2}';
    await settled(el);
    expect(el.shadowRoot?.querySelector('.error')).toBeNull();
    expect(source(el)).toBe('\\frac{1}{2}');
  });

  it('puts no markup from its source into the page', async () => {
    const tex = '<img src=x onerror=alert(1)> \\href{javascript:alert(1)}{x}';
    const el = await mount<LpTex>(html`<lp-tex tex=${tex}></lp-tex>`);
    expect(source(el)).toBe(tex);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
    expect(el.shadowRoot?.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('is no tab stop when it fits its column: Tab goes past the formula', async () => {
    const wrapper = await mount<HTMLDivElement>(
      html`<div><button>before</button><lp-tex display>\\log \\frac{y}{1 - y} = z</lp-tex><button>after</button></div>`,
    );
    (wrapper.querySelector('button') as HTMLButtonElement).focus();
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe('after');
  });

  it('declares KaTeX’s fonts in the document once, however many formulas come and go', async () => {
    const wrapper = await mount<HTMLDivElement>(html`<div><lp-tex>a</lp-tex><lp-tex display>b</lp-tex></div>`);
    expect(katexFontSheets()).toBe(1);
    const first = wrapper.firstElementChild as LpTex;
    first.remove();
    wrapper.append(first);
    await settled(first);
    expect(katexFontSheets()).toBe(1);
    expect(source(first)).toBe('a');
  });
});
