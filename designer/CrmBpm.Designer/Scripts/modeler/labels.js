// The words of the canvas (palette, context pad, replace menu) in the host's language: RouteMapDesigner passes them from
// its resources (Resources/DesignerText*.resx, keys 'kind.*' and 'canvas.*') when it creates the canvas; the English
// below is what a canvas without them shows.
import { applyLabels } from './kinds';

const ENGLISH = {
  'canvas.hand': 'Move the canvas (H)',
  'canvas.lasso': 'Select several points (L)',
  'canvas.connect-tool': 'Connect two points (C)',
  'canvas.append': 'Add {0} after this point',
  'canvas.connect': 'Connect to another point',
  'canvas.attach': 'Add on the edge: {0}',
  'canvas.replace': 'Change kind (R)',
  'canvas.replace-to': 'Change to {0}',
  'canvas.delete': 'Delete (Del)',
  'canvas.open-minimap': 'Open minimap',
  'canvas.close-minimap': 'Close minimap',
  'canvas.new-action': 'New action',
  'canvas.new-nested': 'Nested process',
  'canvas.new-automatic': 'New automatic step',
  'canvas.new-script': 'New script',
  'canvas.branch-yes': 'Yes',
  'canvas.branch-no': 'No'
};

/** bpmn-js's and the minimap's own English words that the canvas shows, by the key that translates them. */
const BUILT_IN = { 'Open minimap': 'canvas.open-minimap', 'Close minimap': 'canvas.close-minimap' };

let current = ENGLISH;

/** Uses <labels> (key to text) for the canvas's words and the kinds' names; missing keys stay English. */
export function setLabels(labels) {
  current = Object.assign({}, ENGLISH, labels || {});
  applyLabels(labels);
}

/** The text of <key> with {0} replaced by <argument>. */
export function t(key, argument) {
  const text = current[key] || ENGLISH[key] || key;
  return argument === undefined ? text : text.replace('{0}', argument);
}

/**
 * diagram-js's 'translate' service: the built-in words we know in the host's language, the rest as bpmn-js writes them
 * (with its {name} placeholders filled in, as its default translate does).
 */
export function translate(template, replacements) {
  const text = BUILT_IN[template] ? t(BUILT_IN[template]) : template;
  return text.replace(/{([^}]+)}/g, (match, key) => (replacements && key in replacements ? replacements[key] : match));
}
