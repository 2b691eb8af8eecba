// Bundles the designer's browser code (bpmn-js, diagram-js-minimap, our modules and all their css) into
// wwwroot/js/modeler/, which the Razor class library serves from _content/CrmBpm.Designer/js/modeler/.
// Run by the CrmBpm.Designer.csproj target "BundleModeler" (or `npm run build`).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rmSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

// Start clean so no file of an earlier bundle (hashed font names, source maps) is served.
rmSync(path.join(root, 'wwwroot/js/modeler'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { 'crmbpm-modeler': 'Scripts/modeler/main.js' },
  outdir: 'wwwroot/js/modeler',
  bundle: true,
  format: 'esm',
  target: [ 'es2020' ],
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'linked',
  loader: { '.json': 'json', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'warning'
});
