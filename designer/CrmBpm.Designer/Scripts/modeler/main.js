// The browser half of the route-map designer: one RouteMapCanvas per <RouteMapDesigner>. Bundled by esbuild
// (Scripts/build.mjs) into wwwroot/js/modeler/crmbpm-modeler.js; RouteMapDesigner.razor.js is the only caller.
// Every edit goes through modeling.updateProperties (or a bpmn-js command), so undo/redo covers the properties
// panel as well as the canvas.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import './modeler.css';

import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import MinimapModule from 'diagram-js-minimap';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import crmModdle from './crm-moddle.json';
import { crmDrawModule, crmModelingModule } from './index';
import { kindOf } from './kinds';
import { isEscalationStep } from './CrmEscalationCommands';
import { setLabels } from './labels';

const CHANGE_DEBOUNCE_MS = 200;

export class RouteMapCanvas {
  /**
   * @param {HTMLElement} host the element the canvas fills
   * @param {{ invokeMethodAsync(name: string, ...args: any[]): Promise<any> }} callbacks DotNetObjectReference
   * @param {{ readOnly?: boolean, labels?: Object<string, string> }} options labels: the canvas's words in the host's language
   */
  constructor(host, callbacks, options) {
    setLabels(options.labels);
    this._callbacks = callbacks;
    this._readOnly = !!options.readOnly;
    this._problemIds = [];
    this._highlighted = [];
    this._timer = undefined;
    this._disposed = false;
    const Kind = this._readOnly ? NavigatedViewer : Modeler;
    this._modeler = new Kind({
      container: host,
      moddleExtensions: { crm: crmModdle },
      additionalModules: [ this._readOnly ? crmDrawModule : crmModelingModule, MinimapModule ],
      // The overview sits over the canvas' top right corner; on a small canvas (a laptop screen beside the
      // properties panel) it would cover the shapes and their context pad, so it starts closed there.
      minimap: { open: host.clientWidth >= 900 && host.clientHeight >= 520 }
    });
    const eventBus = this._modeler.get('eventBus');
    eventBus.on('selection.changed', (event) => {
      const element = event.newSelection.length === 1 ? event.newSelection[0] : null;
      this._call('OnSelectionChanged', element ? (element.labelTarget || element).id : null);
    });
    if (!this._readOnly) {
      eventBus.on('commandStack.changed', () => this._scheduleChange());
    }
  }

  /** Opens a BPMN document; returns the import warnings (empty when it imported cleanly). */
  async open(xml) {
    const result = await this._modeler.importXML(xml);
    this._fit();
    this._problemIds = [];
    return (result.warnings || []).map(w => w.message);
  }

  /** The current document as BPMN 2.0 XML. */
  async xml() {
    const { xml } = await this._modeler.saveXML({ format: true });
    return xml;
  }

  /** Sets attributes (name, crm:*, default) of a point or flow; null or undefined removes an attribute. */
  updateProperties(elementId, properties) {
    const element = this._element(elementId);
    const values = {};
    for (const [ key, value ] of Object.entries(properties)) {
      values[key] = value === null || value === '' ? undefined : value;
    }

    this._modeling().updateProperties(element, values);
  }

  /**
   * Replaces the extension elements of the given types (e.g. crm:Outcome) by <items> — plain objects with a
   * $type — and keeps every other extension element (other tools' data) where it was.
   */
  replaceExtensionElements(elementId, types, items) {
    const element = this._element(elementId);
    const bo = getBusinessObject(element);
    const moddle = this._modeler.get('moddle');
    const kept = ((bo.extensionElements && bo.extensionElements.values) || []).filter(v => !types.includes(v.$type));
    const created = items.map(item => this._create(item));
    const values = [ ...kept, ...created ];
    const extensionElements = values.length === 0 ? undefined : moddle.create('bpmn:ExtensionElements', { values });
    if (extensionElements) {
      values.forEach(v => { v.$parent = extensionElements; });
    }

    this._modeling().updateProperties(element, { extensionElements });
  }

  /** Sets the task description (bpmn:documentation); empty removes it. */
  setDocumentation(elementId, text) {
    const moddle = this._modeler.get('moddle');
    const documentation = text ? [ moddle.create('bpmn:Documentation', { text }) ] : [];
    this._modeling().updateProperties(this._element(elementId), { documentation });
  }

  /** Makes an Action one task per item of a list (crm:collection ...), or a single task when <loop> is null. */
  setMultiInstance(elementId, loop) {
    const loopCharacteristics = loop
      ? this._create({ $type: 'bpmn:MultiInstanceLoopCharacteristics', 'crm:collection': loop.collection, 'crm:elementVariable': loop.elementVariable || undefined, 'crm:resultCollection': loop.resultCollection || undefined })
      : undefined;
    this._modeling().updateProperties(this._element(elementId), { loopCharacteristics });
  }

  /**
   * Sets when a timer event fires: <kind> (duration, date or cycle) and its ISO 8601 text or expression, in the event's
   * timerEventDefinition (the other two time elements are removed); an empty value leaves the definition empty.
   */
  setTimer(elementId, kind, value) {
    const element = this._element(elementId);
    const definition = (getBusinessObject(element).get('eventDefinitions') || [])[0];
    if (!definition) {
      throw new Error(`'${elementId}' is not a timer event.`);
    }

    const time = value ? this._modeler.get('moddle').create('bpmn:FormalExpression', { body: value }) : undefined;
    this._modeling().updateModdleProperties(element, definition, {
      timeDuration: kind === 'duration' ? time : undefined,
      timeDate: kind === 'date' ? time : undefined,
      timeCycle: kind === 'cycle' ? time : undefined
    });
  }

  /**
   * Names the message (<kind> 'message') or signal ('signal') an event waits for or sends: its definition's messageRef or
   * signalRef points at the root bpmn:message / bpmn:signal of that name, declared (as Message_<name>) when the file has
   * none yet; the one it named before is dropped when nothing else refers to it. One undoable step. Empty clears it.
   */
  setEventName(elementId, kind, name) {
    const isMessage = kind === 'message';
    this._setRootReference(elementId, isMessage ? 'messageRef' : 'signalRef', isMessage ? 'bpmn:Message' : 'bpmn:Signal',
      (root) => root.name === name, () => ({ id: (isMessage ? 'Message_' : 'Signal_') + idPart(name), name }), !name);
  }

  /**
   * Names the error code an error end throws or an error boundary catches: the definition's errorRef points at the root
   * bpmn:error with that errorCode (declared as Error_<code> when missing). Empty: a boundary catches every error.
   */
  setErrorCode(elementId, code) {
    this._setRootReference(elementId, 'errorRef', 'bpmn:Error',
      (root) => root.errorCode === code, () => ({ id: 'Error_' + idPart(code), name: code, errorCode: code }), !code);
  }

  /**
   * Names the escalation a Raise an escalation / End with an escalation throws or an Escalation on the edge catches: the
   * definition's escalationRef points at the root bpmn:escalation with that escalationCode (declared as Escalation_<code>
   * when missing). Empty: a throw without a code, a boundary catching every escalation.
   */
  setEscalationCode(elementId, code) {
    this._setRootReference(elementId, 'escalationRef', 'bpmn:Escalation',
      (root) => root.escalationCode === code, () => ({ id: 'Escalation_' + idPart(code), name: code, escalationCode: code }), !code);
  }

  /** Sets attributes of an event's one event definition (e.g. crm:errorCodeVariable); empty removes one. */
  updateEventDefinition(elementId, properties) {
    const element = this._element(elementId);
    const values = {};
    for (const [ key, value ] of Object.entries(properties)) {
      values[key] = value === null || value === '' ? undefined : value;
    }

    this._modeling().updateModdleProperties(element, this._definition(element), values);
  }

  /** Turns a point into another kind of its family (start on a message, end with an error, ...); the id stays. */
  replaceKind(elementId, kindId) {
    this._modeling();
    this._modeler.get('replaceMenuProvider').replace(this._element(elementId), kindId);
  }

  /** Sets the JavaScript of a Script point (bpmn:script); empty removes it. */
  setScript(elementId, text) {
    this._modeling().updateProperties(this._element(elementId), { script: text || undefined });
  }

  /** Sets the case expression of a flow leaving a Choice; empty removes it. */
  setFlowCondition(flowId, expression) {
    const conditionExpression = expression
      ? this._modeler.get('moddle').create('bpmn:FormalExpression', { body: expression })
      : undefined;
    this._modeling().updateProperties(this._element(flowId), { conditionExpression });
  }

  /** Makes <flowId> the default flow of its gateway; null clears it. */
  setDefaultFlow(gatewayId, flowId) {
    const flow = flowId ? getBusinessObject(this._element(flowId)) : undefined;
    this._modeling().updateProperties(this._element(gatewayId), { default: flow });
  }

  /**
   * Adds a step to the escalation ladder of Action <taskId>: a timer on its bottom edge (left of the other events) carrying
   * crm:escalation <step.kind>, its time from the deadline <step.duration> as timeDuration and, for the default outcome,
   * crm:outcome. Only the default outcome interrupts (it ends the task). The ladder is kept in the engine's order (see
   * 'crm.sortEscalation'). One undoable step; returns the new event's id.
   */
  addEscalationStep(taskId, step) {
    this._modeling();
    const task = this._element(taskId);
    const shape = this._modeler.get('elementFactory').createShape({ type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' });
    const bo = shape.businessObject;
    const definition = bo.get('eventDefinitions')[0];
    bo.cancelActivity = step.kind === 'default-outcome';
    bo.set('crm:escalation', step.kind);
    if (step.outcome) {
      bo.set('crm:outcome', step.outcome);
    }

    if (step.duration) {
      definition.timeDuration = this._modeler.get('moddle').create('bpmn:FormalExpression', { body: step.duration });
      definition.timeDuration.$parent = definition;
    }

    const position = freeEdgeSpot(task);
    this._modeler.get('commandStack').execute('crm.multi', { commands: [
      { cmd: 'shape.create', context: { shape, position, parent: task.parent, host: task, hints: { attach: true } } },
      { cmd: 'crm.sortEscalation', context: { task } }
    ] });
    return shape.id;
  }

  /**
   * Changes a step of an escalation ladder: its kind (crm:escalation; interrupting only as the default outcome), its time
   * from the deadline (timeDuration) and, for the default outcome, crm:outcome; then the ladder is put in order again.
   */
  setEscalationStep(stepId, step) {
    this._modeling();
    const element = this._element(stepId);
    const definition = this._definition(element);
    const time = step.duration ? this._modeler.get('moddle').create('bpmn:FormalExpression', { body: step.duration }) : undefined;
    this._modeler.get('commandStack').execute('crm.multi', { commands: [
      { cmd: 'element.updateProperties', context: { element, properties: {
        'crm:escalation': step.kind,
        'crm:outcome': step.kind === 'default-outcome' && step.outcome ? step.outcome : undefined,
        cancelActivity: step.kind === 'default-outcome' ? undefined : false
      } } },
      { cmd: 'element.updateModdleProperties', context: { element, moddleElement: definition, properties: { timeDuration: time, timeDate: undefined, timeCycle: undefined } } },
      { cmd: 'crm.sortEscalation', context: { task: element.host } }
    ] });
  }

  /** Removes a point (e.g. a step of an escalation ladder) with its flows, as the context pad's delete does. */
  removeElement(elementId) {
    this._modeling().removeElements([ this._element(elementId) ]);
  }

  /** Selects a point or flow and scrolls it into view. */
  select(elementId) {
    const element = this._modeler.get('elementRegistry').get(elementId);
    if (!element) {
      return false;
    }

    this._modeler.get('selection').select(element);
    this._modeler.get('canvas').scrollToElement(element, { top: 80, bottom: 80, left: 120, right: 120 });
    return true;
  }

  /**
   * Marks the shapes with validation problems: errors with a red outline and badge, warnings (which do not stop
   * publishing) in amber; the badge's tooltip lists the messages.
   */
  setProblems(problems) {
    const canvas = this._modeler.get('canvas');
    const overlays = this._modeler.get('overlays');
    const registry = this._modeler.get('elementRegistry');
    this._problemIds.forEach(id => {
      if (registry.get(id)) {
        [ 'crm-problem', 'crm-warning', 'crm-problem-event', 'crm-warning-event' ].forEach(marker => canvas.removeMarker(id, marker));
      }
    });
    overlays.remove({ type: 'crm-problem' });
    const byElement = new Map();
    for (const problem of problems) {
      if (problem.elementId && registry.get(problem.elementId)) {
        const entry = byElement.get(problem.elementId) || { messages: [], error: false };
        entry.messages.push(problem.message);
        entry.error = entry.error || !problem.warning;
        byElement.set(problem.elementId, entry);
      }
    }

    for (const [ id, { messages, error } ] of byElement) {
      const element = registry.get(id);
      // An event keeps its own outline (a thin Start would look like a thick End once outlined in red): a dashed ring
      // around it says that it has problems instead.
      const isEvent = !element.waypoints && is(element, 'bpmn:Event');
      canvas.addMarker(id, (error ? 'crm-problem' : 'crm-warning') + (isEvent ? '-event' : ''));
      if (isEvent) {
        const ring = document.createElement('div');
        ring.className = error ? 'crm-problem-ring' : 'crm-problem-ring crm-warning-ring';
        ring.style.width = (element.width + 12) + 'px';
        ring.style.height = (element.height + 12) + 'px';
        const ringId = overlays.add(id, 'crm-problem', { position: { top: -6, left: -6 }, html: ring });
        overlays.get(ringId).htmlContainer.style.pointerEvents = 'none'; // clicks go through to the event it rings
      }

      const badge = document.createElement('div');
      badge.className = error ? 'crm-problem-badge' : 'crm-problem-badge crm-warning-badge';
      badge.title = messages.join('\n');
      badge.textContent = messages.length > 1 ? String(messages.length) : '!';
      badge.addEventListener('click', () => this.select(id));
      const position = element.waypoints ? { top: -12, left: -12 } : { top: -10, right: 10 };
      overlays.add(id, 'crm-problem', { position, html: badge });
    }

    this._problemIds = [ ...byElement.keys() ];
  }

  /** Highlights a running instance: the points and flows it passed and where its tokens/tasks are now. */
  setHighlight(visited, active) {
    const canvas = this._modeler.get('canvas');
    const registry = this._modeler.get('elementRegistry');
    this._highlighted.forEach(([ id, marker ]) => registry.get(id) && canvas.removeMarker(id, marker));
    this._highlighted = [];
    for (const [ ids, marker ] of [ [ visited, 'crm-visited' ], [ active, 'crm-active' ] ]) {
      for (const id of ids || []) {
        if (registry.get(id)) {
          canvas.addMarker(id, marker);
          this._highlighted.push([ id, marker ]);
        }
      }
    }
  }

  /** Runs an editor action: undo, redo, stepZoom (with { value }), zoom (fit), ... */
  trigger(action, options) {
    if (action === 'fit') {
      this._fit();
      return;
    }

    if (action === 'toggleMinimap') {
      this._modeler.get('minimap').toggle();
      return;
    }

    this._modeler.get('editorActions').trigger(action, options);
  }

  /**
   * Fits the diagram into the part of the canvas the palette leaves free (the palette floats over the left edge, and
   * bpmn-js' own fit would put the start point under it), with a margin all round, at most 100 %, centred. The
   * canvas' cached size is dropped first: the host may have been laid out again since the canvas measured it.
   */
  _fit() {
    const canvas = this._modeler.get('canvas');
    canvas.resized();
    const palette = canvas.getContainer().querySelector('.djs-palette');
    const { inner, outer } = canvas.viewbox();
    const margin = 24;
    const left = palette && palette.offsetWidth > 0 ? palette.offsetLeft + palette.offsetWidth + margin : margin;
    const scale = Math.min(1, (outer.width - left - margin) / inner.width, (outer.height - 2 * margin) / inner.height);
    if (!(scale > 0) || !isFinite(scale)) {
      canvas.zoom('fit-viewport', 'auto');
      return;
    }

    canvas.viewbox({
      x: inner.x + inner.width / 2 - (left + outer.width - margin) / 2 / scale,
      y: inner.y + inner.height / 2 - outer.height / 2 / scale,
      width: outer.width / scale,
      height: outer.height / scale
    });
  }

  /** The kind (start, action, condition, ...) and point ids of the diagram: used by tests and hosts. */
  points() {
    return this._modeler.get('elementRegistry')
      .filter(e => kindOf(e) !== null)
      .map(e => ({ id: e.id, kind: kindOf(e), name: getBusinessObject(e).name || '' }));
  }

  destroy() {
    this._disposed = true;
    clearTimeout(this._timer);
    this._modeler.destroy();
  }

  _scheduleChange() {
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      if (this._disposed) {
        return;
      }

      const xml = await this.xml();
      this._call('OnXmlChanged', xml);
    }, CHANGE_DEBOUNCE_MS);
  }

  _call(method, ...args) {
    if (!this._disposed) {
      this._callbacks.invokeMethodAsync(method, ...args).catch(() => { /* the circuit is gone */ });
    }
  }

  _modeling() {
    if (this._readOnly) {
      throw new Error('The route map is open read-only.');
    }

    return this._modeler.get('modeling');
  }

  _element(id) {
    const element = this._modeler.get('elementRegistry').get(id);
    if (!element) {
      throw new Error(`The route map has no element '${id}'.`);
    }

    return element;
  }

  /** The one event definition of an event, or a receive task itself (it holds its messageRef). */
  _definition(element) {
    const bo = getBusinessObject(element);
    if (is(bo, 'bpmn:ReceiveTask')) {
      return bo;
    }

    const definition = (bo.get('eventDefinitions') || [])[0];
    if (!definition) {
      throw new Error(`'${element.id}' has no event definition.`);
    }

    return definition;
  }

  _setRootReference(elementId, reference, type, matches, declare, clear) {
    const element = this._element(elementId);
    const definition = this._definition(element);
    const definitions = this._modeler.getDefinitions();
    const roots = definitions.get('rootElements');
    const previous = definition.get(reference);
    let target;
    let newRoots = roots.slice();
    if (!clear) {
      target = roots.find(r => is(r, type) && matches(r));
      if (!target) {
        const attrs = declare();
        attrs.id = this._freeId(attrs.id);
        target = this._modeler.get('moddle').create(type, attrs);
        target.$parent = definitions;
        newRoots.push(target);
      }
    }

    if (previous && previous !== target && !this._isReferenced(previous, reference, definition)) {
      newRoots = newRoots.filter(r => r !== previous);
    }

    const commands = [];
    if (newRoots.length !== roots.length || newRoots.some((r, i) => r !== roots[i])) {
      commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: definitions, properties: { rootElements: newRoots } } });
    }

    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: definition, properties: { [reference]: target } } });
    this._modeling();
    this._modeler.get('commandStack').execute('crm.multi', { commands });
  }

  /** True when a definition other than <except> refers to <root> through <reference>. */
  _isReferenced(root, reference, except) {
    return this._modeler.get('elementRegistry').some(e => {
      const bo = getBusinessObject(e);
      const holders = [ bo, ...((bo.get && bo.eventDefinitions) || []) ];
      return holders.some(h => h !== except && h.get && h.$descriptor.propertiesByName[reference] && h.get(reference) === root);
    });
  }

  _freeId(wanted) {
    const ids = this._modeler.get('moddle').ids;
    let id = wanted;
    for (let n = 2; ids && ids.assigned(id); n++) {
      id = `${wanted}_${n}`;
    }

    return id;
  }

  /** Builds a moddle element from a plain object with $type; nested objects with $type become elements too. */
  _create(item) {
    const moddle = this._modeler.get('moddle');
    const attrs = {};
    for (const [ key, value ] of Object.entries(item)) {
      if (key === '$type' || value === undefined || value === null || value === '') {
        continue;
      }

      attrs[key] = Array.isArray(value)
        ? value.map(v => (v && typeof v === 'object' && v.$type ? this._create(v) : v))
        : value;
    }

    const element = moddle.create(item.$type, attrs);
    for (const value of Object.values(attrs)) {
      if (Array.isArray(value)) {
        value.forEach(v => { if (v && v.$type) v.$parent = element; });
      }
    }

    return element;
  }
}

/**
 * Where one more event fits on the edge of <task> without covering another: along the bottom from the left, then up the right
 * edge, then along the top (centres at least 36 apart, so each stays clickable); the bottom right corner when all are taken.
 */
function freeEdgeSpot(task) {
  const taken = (task.attachers || []).map(a => ({ x: a.x + a.width / 2, y: a.y + a.height / 2 }));
  const spots = [];
  for (let x = 18; x <= task.width - 18; x += 36) spots.push({ x: task.x + x, y: task.y + task.height });
  for (let y = task.height - 18; y >= 18; y -= 36) spots.push({ x: task.x + task.width, y: task.y + y });
  for (let x = task.width - 18; x >= 18; x -= 36) spots.push({ x: task.x + x, y: task.y });
  const free = spots.find(s => taken.every(t => Math.hypot(t.x - s.x, t.y - s.y) >= 36));
  return free || { x: task.x + task.width - 18, y: task.y + task.height };
}

/** An XML id part made of a name: letters, digits, '_', '-' and '.' kept, anything else '_' (as the engine's export does). */
function idPart(name) {
  return String(name).replace(/[^A-Za-z0-9_.-]/g, '_');
}
