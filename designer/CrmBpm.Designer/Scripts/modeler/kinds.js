// The point kinds of a CrmBpm route map and how each is drawn in BPMN (see the engine's Bpmn/README.md).
// One table so the palette, context pad, replace menu, rules and renderer agree on names and icons.
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { isEscalationStep } from './CrmEscalationCommands';

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

const envelope = '<path d="M8.5 10.5 h11 v7 h-11 z M8.5 10.5 l5.5 4 l5.5 -4"/>';
const triangle = '<path d="M14 8.5 l5.5 9 h-11 z"/>';
const lightning = '<path d="M16.5 8 l-5 7 h4 l-3.5 6 l6 -7.5 h-4 z"/>';
const arrow = '<path d="M8.5 12 h5.5 v-3 l5.5 5 l-5.5 5 v-3 h-5.5 z"/>';
const chevron = '<path d="M14 7.5 l5 11 l-5 -4 l-5 4 z"/>';
const clock = '<circle cx="14" cy="14" r="6"/><path d="M14 10.5 v3.5 l2.5 1.5"/>';
const catchRing = (glyph) => svg('<circle cx="14" cy="14" r="11" fill="#fff"/><circle cx="14" cy="14" r="8.5"/>' + glyph);
const startRing = (glyph) => svg('<circle cx="14" cy="14" r="11" fill="#e8f7ee" stroke="#2e7d4f"/>' + glyph);
const endRing = (glyph, fill) => svg(`<circle cx="14" cy="14" r="11" fill="#fdecea" stroke="#b3261e" stroke-width="4"/>` + glyph.replace('<path', `<path fill="${fill || 'none'}"`));

/**
 * The kinds, in palette order. <c>palette: false</c>: offered by the replace menu (and the panel) of its family only —
 * a Start that waits for a message or a schedule, an End that stops everything, throws an error or sends a signal.
 * <c>family</c> groups the kinds that share flow limits and replace among each other.
 */
export const KINDS = [
  { id: 'start', family: 'start', label: 'Start', type: 'bpmn:StartEvent', icon: startRing('') },
  { id: 'message-start', family: 'start', palette: false, label: 'Start on a message', type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:MessageEventDefinition', icon: startRing(envelope) },
  { id: 'timer-start', family: 'start', palette: false, label: 'Start on a schedule', type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:TimerEventDefinition', icon: startRing(clock) },
  { id: 'action', family: 'task', label: 'Action', type: 'bpmn:UserTask', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><circle cx="10" cy="12" r="2.5"/><path d="M6 19 a4 4 0 0 1 8 0 M17 12 h5 M17 16 h5"/>') },
  { id: 'condition', family: 'exclusive', label: 'Condition', type: 'bpmn:ExclusiveGateway', crmKind: 'condition', icon: svg(diamond + `<path d="${GLYPHS.condition}"/>`) },
  { id: 'choice', family: 'exclusive', label: 'Choice', type: 'bpmn:ExclusiveGateway', crmKind: 'choice', icon: svg(diamond + `<path d="${GLYPHS.choice}"/>`) },
  { id: 'inclusive', family: 'inclusive', label: 'One or more paths', type: 'bpmn:InclusiveGateway', icon: svg(diamond + '<circle cx="14" cy="14" r="5.5"/>') },
  { id: 'split', family: 'parallel', label: 'Split', type: 'bpmn:ParallelGateway', crmKind: 'split', icon: svg(diamond + `<path d="${GLYPHS.split}"/>`) },
  { id: 'merge', family: 'parallel', label: 'Merge', type: 'bpmn:ParallelGateway', crmKind: 'merge', icon: svg(diamond + `<path d="${GLYPHS.merge}"/>`) },
  { id: 'event-gateway', family: 'event-gateway', label: 'Wait for the first event', type: 'bpmn:EventBasedGateway', icon: svg(diamond + '<circle cx="14" cy="14" r="6.5"/><circle cx="14" cy="14" r="4.5"/><path d="M14 11.2 l2.7 2 l-1 3.1 h-3.4 l-1 -3.1 z"/>') },
  { id: 'nested', family: 'nested', label: 'Nested process', type: 'bpmn:CallActivity', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><rect x="10" y="15" width="8" height="6" rx="1"/><path d="M14 16.5 v3 M12.5 18 h3"/>') },
  { id: 'automatic', family: 'task', label: 'Automatic step', type: 'bpmn:ServiceTask', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><circle cx="10" cy="12" r="3.2"/><path d="M10 6.8 v1.6 M10 15.6 v1.6 M4.8 12 h1.6 M13.6 12 h1.6 M17 16 h5 M17 19 h5"/>') },
  { id: 'script', family: 'task', label: 'Script', type: 'bpmn:ScriptTask', icon: svg('<rect x="2" y="5" width="24" height="18" rx="4" fill="#fff"/><path d="M10 10 l-3 4 l3 4 M18 10 l3 4 l-3 4 M15.5 9.5 l-3 9"/>') },
  { id: 'timer', family: 'catch', label: 'Wait for time', type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition', icon: svg('<circle cx="14" cy="14" r="11" fill="#fff"/><circle cx="14" cy="14" r="8"/><path d="M14 9 v5 l3 2"/>') },
  { id: 'message-wait', family: 'catch', label: 'Wait for a message', type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:MessageEventDefinition', icon: catchRing(envelope) },
  { id: 'signal-wait', family: 'catch', label: 'Wait for a signal', type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:SignalEventDefinition', icon: catchRing(triangle) },
  { id: 'signal-send', family: 'throw', label: 'Send a signal', type: 'bpmn:IntermediateThrowEvent', eventDefinitionType: 'bpmn:SignalEventDefinition', icon: catchRing(triangle.replace('<path', '<path fill="#22313f"')) },
  { id: 'escalation-throw', family: 'throw', label: 'Raise an escalation', type: 'bpmn:IntermediateThrowEvent', eventDefinitionType: 'bpmn:EscalationEventDefinition', icon: catchRing(chevron.replace('<path', '<path fill="#22313f"')) },
  { id: 'link-throw', family: 'link-throw', label: 'Go to link', type: 'bpmn:IntermediateThrowEvent', eventDefinitionType: 'bpmn:LinkEventDefinition', icon: catchRing(arrow.replace('<path', '<path fill="#22313f"')) },
  { id: 'link-catch', family: 'link-catch', label: 'Link target', type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:LinkEventDefinition', icon: catchRing(arrow) },
  { id: 'end', family: 'end', label: 'End', type: 'bpmn:EndEvent', icon: endRing('') },
  { id: 'terminate-end', family: 'end', palette: false, label: 'End everything', type: 'bpmn:EndEvent', eventDefinitionType: 'bpmn:TerminateEventDefinition', icon: endRing('<path d="M14 8 a6 6 0 1 0 0.01 0 z"/>', '#b3261e') },
  { id: 'error-end', family: 'end', palette: false, label: 'End with an error', type: 'bpmn:EndEvent', eventDefinitionType: 'bpmn:ErrorEventDefinition', icon: endRing(lightning, '#b3261e') },
  { id: 'signal-end', family: 'end', palette: false, label: 'End and send a signal', type: 'bpmn:EndEvent', eventDefinitionType: 'bpmn:SignalEventDefinition', icon: endRing(triangle, '#b3261e') },
  { id: 'escalation-end', family: 'end', palette: false, label: 'End with an escalation', type: 'bpmn:EndEvent', eventDefinitionType: 'bpmn:EscalationEventDefinition', icon: endRing(chevron, '#b3261e') }
];

/**
 * The events on the border of an activity: not in the palette (they only exist on their activity), added from that
 * activity's context pad.
 */
export const BOUNDARY_KINDS = [
  { id: 'boundary-timer', family: 'boundary', label: 'Timer on the edge', type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:TimerEventDefinition',
    icon: svg('<rect x="2" y="3" width="20" height="15" rx="3" fill="#fff"/><circle cx="19" cy="19" r="7.5" fill="#fff"/><path d="M19 15.5 v3.5 l2.2 1.4"/>') },
  { id: 'boundary-message', family: 'boundary', label: 'Message on the edge', type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:MessageEventDefinition',
    icon: svg('<rect x="2" y="3" width="20" height="15" rx="3" fill="#fff"/><circle cx="19" cy="19" r="7.5" fill="#fff"/><path d="M15.5 17 h7 v4.5 h-7 z M15.5 17 l3.5 2.5 l3.5 -2.5"/>') },
  { id: 'boundary-signal', family: 'boundary', label: 'Signal on the edge', type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:SignalEventDefinition',
    icon: svg('<rect x="2" y="3" width="20" height="15" rx="3" fill="#fff"/><circle cx="19" cy="19" r="7.5" fill="#fff"/><path d="M19 15.5 l3.5 6 h-7 z"/>') },
  { id: 'boundary-error', family: 'boundary', label: 'Catch an error', type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:ErrorEventDefinition',
    icon: svg('<rect x="2" y="3" width="20" height="15" rx="3" fill="#fff"/><circle cx="19" cy="19" r="7.5" fill="#fff"/><path d="M20.5 15 l-3 4.5 h2.5 l-2 4 l4 -5 h-2.5 z"/>') },
  // Only an Action (its performer raises one) and a Nested process (its child throws one) may carry it: the engine's escalation-event.boundary-kind.
  { id: 'boundary-escalation', family: 'boundary', label: 'Escalation on the edge', type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:EscalationEventDefinition', carriers: [ 'action', 'nested' ],
    icon: svg('<rect x="2" y="3" width="20" height="15" rx="3" fill="#fff"/><circle cx="19" cy="19" r="7.5" fill="#fff"/><path d="M19 14.5 l3.5 8 l-3.5 -3 l-3.5 3 z"/>') }
];

/** The timer on the edge (kept under its old name for callers that only add timers). */
export const BOUNDARY_TIMER = BOUNDARY_KINDS[0];

/** The kinds that may carry boundary events (the engine's BoundaryEventPoint.CanCarry). */
export const CARRIES_TIMERS = [ 'action', 'nested', 'automatic' ];

/** True when an activity of kind <paramref name="kind"/> may carry the edge event <paramref name="boundary"/> (a BOUNDARY_KINDS entry). */
export function carries(kind, boundary) {
  return (boundary.carriers || CARRIES_TIMERS).includes(kind);
}

/** The kinds an event-based gateway may lead to (the engine's EventGatewayRule). */
export const EVENT_GATEWAY_TARGETS = [ 'message-wait', 'signal-wait', 'timer' ];

export const KIND_BY_ID = Object.fromEntries([ ...KINDS, ...BOUNDARY_KINDS ].map(k => [ k.id, k ]));

/** The family (start, end, boundary, ...) of a kind id. */
export function familyOf(kindId) {
  return KIND_BY_ID[kindId] ? KIND_BY_ID[kindId].family : null;
}

/** Replaces the English labels by the host's (e.g. Russian) ones: { 'kind.action': 'Действие', ... }. */
export function applyLabels(labels) {
  for (const kind of [ ...KINDS, ...BOUNDARY_KINDS ]) {
    kind.english = kind.english || kind.label;
    kind.label = (labels && labels['kind.' + kind.id]) || kind.english;
  }
}

function outgoing(element) {
  return (element.outgoing || []).filter(c => is(c, 'bpmn:SequenceFlow'));
}

function incoming(element) {
  return (element.incoming || []).filter(c => is(c, 'bpmn:SequenceFlow'));
}

/** The type of the one event definition of an event ('bpmn:TimerEventDefinition', ...), or null. */
function definitionType(bo) {
  const definitions = bo.get('eventDefinitions') || [];
  return definitions.length === 1 ? definitions[0].$type : null;
}

const START_BY_DEFINITION = { 'bpmn:MessageEventDefinition': 'message-start', 'bpmn:TimerEventDefinition': 'timer-start' };
const END_BY_DEFINITION = {
  'bpmn:TerminateEventDefinition': 'terminate-end', 'bpmn:ErrorEventDefinition': 'error-end', 'bpmn:SignalEventDefinition': 'signal-end',
  'bpmn:EscalationEventDefinition': 'escalation-end'
};
const CATCH_BY_DEFINITION = {
  'bpmn:TimerEventDefinition': 'timer', 'bpmn:MessageEventDefinition': 'message-wait', 'bpmn:SignalEventDefinition': 'signal-wait',
  'bpmn:LinkEventDefinition': 'link-catch'
};
const THROW_BY_DEFINITION = {
  'bpmn:SignalEventDefinition': 'signal-send', 'bpmn:LinkEventDefinition': 'link-throw', 'bpmn:EscalationEventDefinition': 'escalation-throw'
};
const BOUNDARY_BY_DEFINITION = {
  'bpmn:TimerEventDefinition': 'boundary-timer', 'bpmn:MessageEventDefinition': 'boundary-message',
  'bpmn:SignalEventDefinition': 'boundary-signal', 'bpmn:ErrorEventDefinition': 'boundary-error',
  'bpmn:EscalationEventDefinition': 'boundary-escalation'
};

/** The kind id of a shape (start, action, ...) or null for anything that is not a point. */
export function kindOf(element) {
  if (!element || element.labelTarget || element.waypoints) {
    return null;
  }

  const bo = getBusinessObject(element);
  if (!bo) {
    return null;
  }

  if (is(bo, 'bpmn:StartEvent')) return START_BY_DEFINITION[definitionType(bo)] || 'start';
  if (is(bo, 'bpmn:EndEvent')) return END_BY_DEFINITION[definitionType(bo)] || 'end';
  if (is(bo, 'bpmn:UserTask')) return 'action';
  // sendTask and businessRuleTask come from other modelers' files; the engine runs them as automatic steps too.
  if (is(bo, 'bpmn:ServiceTask') || is(bo, 'bpmn:SendTask') || is(bo, 'bpmn:BusinessRuleTask')) return 'automatic';
  if (is(bo, 'bpmn:ScriptTask')) return 'script';
  // A receive task waits for a message as the intermediate catch event does (another modeler's file).
  if (is(bo, 'bpmn:ReceiveTask')) return 'message-wait';
  if (is(bo, 'bpmn:IntermediateCatchEvent')) return CATCH_BY_DEFINITION[definitionType(bo)] || null;
  if (is(bo, 'bpmn:IntermediateThrowEvent')) return THROW_BY_DEFINITION[definitionType(bo)] || null;
  if (is(bo, 'bpmn:BoundaryEvent')) return BOUNDARY_BY_DEFINITION[definitionType(bo)] || null;
  if (is(bo, 'bpmn:InclusiveGateway')) return 'inclusive';
  if (is(bo, 'bpmn:EventBasedGateway')) return 'event-gateway';
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
  switch (familyOf(kind)) {
    case 'end':
    case 'link-throw': return 0; // the token jumps to the Link target of its name
    case 'start':
    case 'link-catch':
    case 'task':
    case 'nested':
    case 'catch':
    case 'throw':
    case 'boundary': return 1;
    default:
      if (kind === 'merge') return 1;
      if (kind === 'condition') return 2;
      return Infinity;
  }
}

export function maxIncoming(kind) {
  if (kind === 'split') return 1;
  // a Link target is entered only from its Go to link points
  return [ 'start', 'boundary', 'link-catch' ].includes(familyOf(kind)) ? 0 : Infinity;
}

/** True when one more flow may leave the element (ignoring <paramref name="except"/>, a flow being reconnected). */
export function canAddOutgoing(element, except) {
  const kind = kindOf(element);
  if (isEscalationStep(element)) {
    return false; // a step of an Action's escalation ladder acts on the task; it leads nowhere
  }

  return kind !== null && outgoing(element).filter(c => c !== except).length < maxOutgoing(kind);
}

/** True when one more flow may enter the element. */
export function canAddIncoming(element, except) {
  const kind = kindOf(element);
  return kind !== null && incoming(element).filter(c => c !== except).length < maxIncoming(kind);
}

/**
 * The kinds that may follow a point of kind <paramref name="kind"/>: the palette's (everything but Start and Link target); after a
 * "Wait for the first event" only the events it can wait for.
 */
export function nextKinds(kind) {
  if (maxOutgoing(kind) === 0) return [];
  if (kind === 'event-gateway') return KINDS.filter(k => EVENT_GATEWAY_TARGETS.includes(k.id));
  return KINDS.filter(k => k.palette !== false && maxIncoming(k.id) > 0);
}
