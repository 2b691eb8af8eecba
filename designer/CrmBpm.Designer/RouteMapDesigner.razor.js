// JS isolation module of <RouteMapDesigner>: loads the bpmn-js bundle (and its css) on first use and forwards
// each call to the RouteMapCanvas living in the given host element. Imported by Interop/RouteMapDesignerInterop.cs.
const canvases = new WeakMap();
let bundle;

function load() {
  if (!bundle) {
    const base = new URL('./js/modeler/', import.meta.url);
    if (!document.querySelector('link[data-crmbpm-modeler]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('crmbpm-modeler.css', base).href;
      link.dataset.crmbpmModeler = '';
      document.head.appendChild(link);
    }

    bundle = import(new URL('crmbpm-modeler.js', base).href);
  }

  return bundle;
}

function canvas(host) {
  const found = canvases.get(host);
  if (!found) {
    throw new Error('The route-map canvas was not created (or was destroyed).');
  }

  return found;
}

export async function create(host, callbacks, options, xml) {
  const { RouteMapCanvas } = await load();
  canvases.get(host)?.destroy();
  const created = new RouteMapCanvas(host, callbacks, options);
  canvases.set(host, created);
  return created.open(xml);
}

export const open = (host, xml) => canvas(host).open(xml);
export const xml = (host) => canvas(host).xml();
export const updateProperties = (host, id, properties) => canvas(host).updateProperties(id, properties);
export const replaceExtensionElements = (host, id, types, items) => canvas(host).replaceExtensionElements(id, types, items);
export const setDocumentation = (host, id, text) => canvas(host).setDocumentation(id, text);
export const setMultiInstance = (host, id, loop) => canvas(host).setMultiInstance(id, loop);
export const setFlowCondition = (host, id, expression) => canvas(host).setFlowCondition(id, expression);
export const setDefaultFlow = (host, gatewayId, flowId) => canvas(host).setDefaultFlow(gatewayId, flowId);
export const setTimer = (host, id, kind, value) => canvas(host).setTimer(id, kind, value);
export const setEventName = (host, id, kind, name) => canvas(host).setEventName(id, kind, name);
export const setErrorCode = (host, id, code) => canvas(host).setErrorCode(id, code);
export const setEscalationCode = (host, id, code) => canvas(host).setEscalationCode(id, code);
export const updateEventDefinition = (host, id, properties) => canvas(host).updateEventDefinition(id, properties);
export const replaceKind = (host, id, kindId) => canvas(host).replaceKind(id, kindId);
export const setScript = (host, id, text) => canvas(host).setScript(id, text);
export const addEscalationStep = (host, taskId, step) => canvas(host).addEscalationStep(taskId, step);
export const setEscalationStep = (host, id, step) => canvas(host).setEscalationStep(id, step);
export const removeElement = (host, id) => canvas(host).removeElement(id);
export const select = (host, id) => canvas(host).select(id);
export const setProblems = (host, problems) => canvas(host).setProblems(problems);
export const setHighlight = (host, visited, active) => canvas(host).setHighlight(visited, active);
export const trigger = (host, action, options) => canvas(host).trigger(action, options);
export const points = (host) => canvas(host).points();

export function destroy(host) {
  canvases.get(host)?.destroy();
  canvases.delete(host);
}
