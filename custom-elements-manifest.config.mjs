/**
 * The custom elements manifest (custom-elements.json, `npm run manifest`):
 * every `lp-` element with its attributes, properties, events, CSS parts and
 * CSS custom properties, read from the sources and their JSDoc. The base
 * classes the elements extend are analysed too, so inherited attributes
 * (ModelAttributes' `dataset`, `learning-rate`…) are listed on each element.
 */
import { readFileSync } from 'node:fs';

/**
 * Our element files open with the element's documentation (what it is, its
 * @attr, @fires, @csspart, @cssprop), above the imports, not above the class.
 * The analyzer reads only a JSDoc right above a class: a class without one
 * gets its file's opening JSDoc, parsed by the analyzer's own TypeScript into
 * a real JSDoc node, before the analysis reads it.
 */
function fileHeaderIsClassDoc() {
  return {
    name: 'file-header-is-class-doc',
    collectPhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || node.jsDoc?.length) return;
      const text = node.getSourceFile().text;
      const [first] = ts.getLeadingCommentRanges(text, 0) ?? [];
      if (!first || !text.startsWith('/**', first.pos)) return;
      const header = text.slice(first.pos, first.end);
      const probe = ts.createSourceFile('header.ts', `${header}\nclass Header {}`, ts.ScriptTarget.Latest, true);
      const doc = probe.statements[0]?.jsDoc;
      if (doc?.length) node.jsDoc = doc;
    },
  };
}

/**
 * Lit observes a property without an `attribute` name under its name in
 * lower case (`addClass` → `addclass`); the analyzer writes the property's
 * name as it is. HTML attribute names are case-insensitive: lower case is
 * what a page writes and what `observedAttributes` says.
 */
function litAttributeNamesInLowerCase() {
  return {
    name: 'lit-attribute-names-in-lower-case',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // An `@attr addclass` in the JSDoc and the field `addClass` are one attribute: merged, the field's facts first.
          const byName = new Map();
          for (const attribute of declaration.attributes ?? []) {
            const name = attribute.name.toLowerCase();
            const seen = byName.get(name);
            byName.set(
              name,
              seen
                ? { ...attribute, ...seen, description: seen.description ?? attribute.description, name }
                : { ...attribute, name },
            );
          }
          if (declaration.attributes) declaration.attributes = [...byName.values()];
          for (const member of declaration.members ?? []) {
            if (typeof member.attribute === 'string') member.attribute = member.attribute.toLowerCase();
          }
        }
      }
    },
  };
}

/**
 * The theme's properties that every element reads (components/theme.ts, its
 * `@cssprop` lines): written once there, listed on each element here.
 */
function sharedThemeProperties() {
  const header = readFileSync(new URL('./components/theme.ts', import.meta.url), 'utf8');
  const shared = [...header.matchAll(/^ \* @cssprop (--[\w-]+) - (.+)$/gm)].map(([, name, description]) => ({
    name,
    description,
  }));
  return {
    name: 'shared-theme-properties',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
          declaration.cssProperties = [
            ...(declaration.cssProperties ?? []),
            ...shared.filter((p) => !own.has(p.name)).map((p) => ({ ...p })),
          ];
        }
      }
    },
  };
}

/**
 * <lp-playground> offers <lp-model>'s JS API (components/model-api.ts
 * defines each member on its prototype, documented once, on LpModel): the
 * manifest lists those members on <lp-playground> too, as inherited.
 */
function playgroundHasModelApi() {
  const api = readFileSync(new URL('./components/model-api.ts', import.meta.url), 'utf8');
  const lists = [...api.matchAll(/^const \w+ = \[([^\]]*)\] as const/gm)].map(([, list]) => list);
  const names = new Set([...lists.join(',').matchAll(/'(\w+)'/g)].map(([, name]) => name));
  for (const name of ['ready', 'play', 'pause']) names.add(name);
  return {
    name: 'playground-has-model-api',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((m) =>
        (m.declarations ?? []).map((declaration) => ({ module: m.path, declaration })),
      );
      const model = declarations.find((d) => d.declaration.tagName === 'lp-model');
      const playground = declarations.find((d) => d.declaration.tagName === 'lp-playground')?.declaration;
      if (!model || !playground) return;
      const own = new Set((playground.members ?? []).map((m) => m.name));
      const inherited = (model.declaration.members ?? [])
        .filter((m) => names.has(m.name) && !own.has(m.name))
        .map((m) => ({ ...m, inheritedFrom: { name: model.declaration.name, module: model.module } }));
      playground.members = [...(playground.members ?? []), ...inherited];
    },
  };
}

export default {
  globs: [
    'components/lp-*.ts',
    'components/model-attributes.ts',
    'components/curve-figure.ts',
    'components/z-figure.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [fileHeaderIsClassDoc(), litAttributeNamesInLowerCase(), sharedThemeProperties(), playgroundHasModelApi()],
};
