// Builds the peers' comparison pages into target/peers/<peer>/ from their pinned npm packages
// (package.json): each renders the one consent form of form.mjs with the engine's production
// build — the vendor's minified bundle where it ships one (SurveyJS, Form.io), else an esbuild
// production bundle of its ES modules (Enketo, ODK Web Forms). Run by scripts/bench.sh --peers.
import { build } from 'esbuild';
import { compile } from 'sass';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as form from './form.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const nm = join(here, 'node_modules');
export const OUT = join(here, '..', '..', 'target', 'peers');

const page = (dir, { css = [], js = [], module = null }) => writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${form.TITLE}</title>
${css.map((h) => `<link rel="stylesheet" href="${h}">`).join('\n')}
</head><body><main id="form"></main>
${js.map((s) => `<script src="${s}"></script>`).join('\n')}
${module ? `<script type="module" src="${module}"></script>` : ''}
</body></html>
`);

// ES modules with code splitting: what the engine loads lazily (ODK's map) stays lazy.
const bundle = (entry, dir, extra = {}) => build({
  entryPoints: { app: join(here, 'pages', entry) }, outdir: dir, bundle: true, minify: true, format: 'esm',
  splitting: true, chunkNames: '[name]-[hash]', assetNames: '[name]-[hash]', target: 'es2022', platform: 'browser', legalComments: 'none', logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
  ...extra,
});

function fresh(name) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function buildPeers() {
  // SurveyJS: survey-core + survey-js-ui, their UMD production builds; the stylesheet without
  // its web font (that one comes from Google's servers, which a tablet in the field may not reach).
  let dir = fresh('surveyjs');
  for (const f of ['survey-core/survey.core.min.js', 'survey-js-ui/survey-js-ui.min.js', 'survey-core/survey-core.fontless.min.css']) copyFileSync(join(nm, f), join(dir, f.split('/')[1]));
  writeFileSync(join(dir, 'app.js'), `SurveyUI.renderSurvey(new Survey.Model(${JSON.stringify(form.surveyJs())}), document.getElementById('form'));\n`);
  page(dir, { css: ['survey-core.fontless.min.css'], js: ['survey.core.min.js', 'survey-js-ui.min.js', 'app.js'] });

  // Form.io: @formio/js's form renderer (formio.form.min.js, no builder), its stylesheet.
  dir = fresh('formio');
  for (const f of ['formio.form.min.js', 'formio.form.min.css']) copyFileSync(join(nm, '@formio/js/dist', f), join(dir, f));
  writeFileSync(join(dir, 'app.js'), `Formio.createForm(document.getElementById('form'), ${JSON.stringify(form.formIo())});\n`);
  page(dir, { css: ['formio.form.min.css'], js: ['formio.form.min.js', 'app.js'] });

  // Enketo: enketo-core bundled with its widgets, and its formhub theme compiled from Sass.
  dir = fresh('enketo');
  writeFileSync(join(here, 'pages', 'form.gen.js'), `export const FORM = ${JSON.stringify(form.enketo())};\n`);
  const ek = join(nm, 'enketo-core');
  await bundle('enketo.js', dir, {
    alias: {
      'enketo/config': join(ek, 'config.js'), 'enketo/widgets': join(ek, 'src/js/widgets.js'),
      'enketo/translator': join(ek, 'src/js/fake-translator.js'), 'enketo/dialog': join(ek, 'src/js/fake-dialog.js'),
      'enketo/file-manager': join(ek, 'src/js/file-manager.js'), 'enketo/xpath-evaluator-binding': join(ek, 'src/js/xpath-evaluator-binding.js'),
    },
  });
  // Its Sass names its monorepo's node_modules by absolute path; they are ours.
  const monorepo = { findFileUrl: (url) => (url.includes('node_modules/') ? pathToFileURL(join(nm, url.split('node_modules/').pop())) : null) };
  const css = compile(join(ek, 'src/sass/formhub/formhub.scss'), { loadPaths: [nm], importers: [monorepo], style: 'compressed', silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'mixed-decls', 'slash-div'], quietDeps: true, logger: { warn() {} } });
  writeFileSync(join(dir, 'app.css'), css.css);
  page(dir, { css: ['app.css'], module: 'app.js' });

  // ODK Web Forms: the Vue component (its CSS is injected by its JS), Vue's production build.
  dir = fresh('odk');
  writeFileSync(join(here, 'pages', 'form.gen.js'), `export const FORM = ${JSON.stringify(form.xForm())};\n`);
  await bundle('odk.js', dir);
  page(dir, { module: 'app.js' });
  rmSync(join(here, 'pages', 'form.gen.js'), { force: true });
  return ['surveyjs', 'formio', 'enketo', 'odk'].map((name) => ({ name, dir: join(OUT, name) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const p of await buildPeers()) console.log(p.name, p.dir);
}
