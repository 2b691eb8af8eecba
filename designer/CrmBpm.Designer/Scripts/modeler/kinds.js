// The point kinds of a CrmBpm route map and how each is drawn in BPMN (see the engine's Bpmn/README.md).
// One table so the palette, context pad, replace menu, rules and renderer agree on names and icons.
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

const svg = (body) =>
  'data:image/svg+xml;utf8,' + encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 28 28" fill="none" stroke="#22313f" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">${body}</svg>`);

const diamond = '<path d="M14 2 L26 14 L14 26 L2 14 Z" fill="#fff"/>';

/** Glyph drawn inside a gateway of each kind, both in the palette and on the canvas. */
export const GLYPHS = {
  condition: 'M11 11.2 a3 3 0 1 1 4.2 2.8 c-0.9 0.5 -1.2 1 -1.2 2 M14 19 v0.3',
  choice: 'M8 10 h12 M8 14 h12 M8 18 h8',
  split: 'M8 14 h5 M13 14 l6 -5 M13 14 l6 5 M13 14 h6',
  merge: 'M9 9 l6 5 M9 19 l6 -5 M9 14 h6 M15 14 h5'
};

/** The kinds, in palette order. */
export const KINDS = [
  { id: 'start', label: 'Start', type: 'bpmn:StartEvent', icon: svg('<circle cx="14" cy="14" r="11" fill="#e8f7ee" stroke="#2e7d4f"/>') },
  { id: 'action', label: 'Action', type: 'bpmn:UserTask', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><circle cx="10" cy="12" r="2.5"/><path d="M6 19 a4 4 0 0 1 8 0 M17 12 h5 M17 16 h5"/>') },
  { id: 'condition', label: 'Condition', type: 'bpmn:ExclusiveGateway', crmKind: 'condition', icon: svg(diamond + `<path d="${GLYPHS.condition}"/>`) },
  { id: 'choice', label: 'Choice', type: 'bpmn:ExclusiveGateway', crmKind: 'choice', icon: svg(diamond + `<path d="${GLYPHS.choice}"/>`) },
  { id: 'split', label: 'Split', type: 'bpmn:ParallelGateway', crmKind: 'split', icon: svg(diamond + `<path d="${GLYPHS.split}"/>`) },
  { id: 'merge', label: 'Merge', type: 'bpmn:ParallelGateway', crmKind: 'merge', icon: svg(diamond + `<path d="${GLYPHS.merge}"/>`) },
  { id: 'nested', label: 'Nested process', type: 'bpmn:CallActivity', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><rect x="10" y="15" width="8" height="6" rx="1"/><path d="M14 16.5 v3 M12.5 18 h3"/>') },
  { id: 'automatic', label: 'Automatic step', type: 'bpmn:ServiceTask', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><circle cx="10" cy="12" r="3.2"/><path d="M10 6.8 v1.6 M10 15.6 v1.6 M4.8 12 h1.6 M13.6 12 h1.6 M17 16 h5 M17 19 h5"/>') },
  { id: 'timer', label: 'Wait for time', type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition', icon: svg('<circle cx="14" cy="14" r="11" fill="#fff"/><circle cx="14" cy="14" r="8"/><path d="M14 9 v5 l3 2"/>') },
  { id: 'script', label: 'Script', type: 'bpmn:ScriptTask', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><path d="M10 10 l-3 4 l3 4 M18 10 l3 4 l-3 4 M15.5 9.5 l-3 9"/>') },
  { id: 'end', label: 'End', type: 'bpmn:EndEvent', icon: svg('<circle cx="14" cy="14" r="11" fill="#fdecea" stroke="#b3261e" stroke-width="4"/>') }
];

/**
 * A timer on the border of an Action or Nested process: not in the palette (it only exists on its activity), added from
 * that activity's context pad.
 */
export const BOUNDARY_TIMER = {
  id: 'boundary-timer', label: 'Timer on the edge', type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:TimerEventDefinition',
  icon: svg('<rect x="2" y="3" width="20" height="15" rx="3" fill="#fff"/><circle cx="19" cy="19" r="7.5" fill="#fff"/><path d="M19 15.5 v3.5 l2.2 1.4"/>')
};

/** The kinds that may carry a boundary timer (the engine's BoundaryTimerPoint.CanCarry). */
export const CARRIES_TIMERS = [ 'action', 'nested' ];

export const KIND_BY_ID = Object.fromEntries([ ...KINDS, BOUNDARY_TIMER ].map(k => [ k.id, k ]));

function outgoing(element) {
  return (element.outgoing || []).filter(c => is(c, 'bpmn:SequenceFlow'));
}

function incoming(element) {
  return (element.incoming || []).filter(c => is(c, 'bpmn:SequenceFlow'));
}

function hasTimer(bo) {
  const definitions = bo.get('eventDefinitions') || [];
  return definitions.length === 1 && is(definitions[0], 'bpmn:TimerEventDefinition');
}

/** The kind id of a shape (start, action, ...) or null for anything that is not a point. */
export function kindOf(element) {
  if (!element || element.labelTarget || element.waypoints) {
    return null;
  }

  const bo = getBusinessObject(element);
  if (!bo) {
    return null;
  }

  if (is(bo, 'bpmn:StartEvent')) return 'start';
  if (is(bo, 'bpmn:EndEvent')) return 'end';
  if (is(bo, 'bpmn:UserTask')) return 'action';
  // sendTask and businessRuleTask come from other modelers' files; the engine runs them as automatic steps too.
  if (is(bo, 'bpmn:ServiceTask') || is(bo, 'bpmn:SendTask') || is(bo, 'bpmn:BusinessRuleTask')) return 'automatic';
  if (is(bo, 'bpmn:ScriptTask')) return 'script';
  if (is(bo, 'bpmn:IntermediateCatchEvent') && hasTimer(bo)) return 'timer';
  if (is(bo, 'bpmn:BoundaryEvent') && hasTimer(bo)) return 'boundary-timer';
  if (is(bo, 'bpmn:CallActivity')) return 'nested';
  if (is(bo, 'bpmn:ExclusiveGateway')) {
    const kind = bo.get('crm:kind');
    if (kind === 'condition' || kind === 'choice') return kind;
    return bo.get('crm:expression') ? 'condition' : 'choice';
  }

  if (is(bo, 'bpmn:ParallelGateway')) {
    const kind = bo.get('crm:kind');
    if (kind === 'split' || kind === 'merge') return kind;
    // The business object's references: while a diagram is imported, shapes are drawn before their connections.
    return Math.max(incoming(element).length, (bo.incoming || []).length) >= 2 ? 'merge' : 'split';
  }

  return null;
}

/**
 * How many outgoing flows a point may have (Infinity: no limit), and whether it may have incoming ones
 * at all. Mirrors the engine's validation rules so the canvas refuses what publishing would reject.
 */
export function maxOutgoing(kind) {
  switch (kind) {
    case 'end': return 0;
    case 'start':
    case 'action':
    case 'nested':
    case 'automatic':
    case 'script':
    case 'timer':
    case 'boundary-timer':
    case 'merge': return 1;
    case 'condition': return 2;
    default: return Infinity;
  }
}

export function maxIncoming(kind) {
  switch (kind) {
    case 'start':
    case 'boundary-timer': return 0;
    case 'split': return 1;
    default: return Infinity;
  }
}

/** True when one more flow may leave the element (ignoring <paramref name="except"/>, a flow being reconnected). */
export function canAddOutgoing(element, except) {
  const kind = kindOf(element);
  return kind !== null && outgoing(element).filter(c => c !== except).length < maxOutgoing(kind);
}

/** True when one more flow may enter the element. */
export function canAddIncoming(element, except) {
  const kind = kindOf(element);
  return kind !== null && incoming(element).filter(c => c !== except).length < maxIncoming(kind);
}

/** The kinds that may follow a point of kind <paramref name="kind"/> (everything but Start). */
export function nextKinds(kind) {
  return maxOutgoing(kind) === 0 ? [] : KINDS.filter(k => k.id !== 'start');
}
