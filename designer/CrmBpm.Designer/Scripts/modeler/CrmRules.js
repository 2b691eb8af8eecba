// Refuses on the canvas what the engine's validation would reject when publishing: anything into a Start,
// anything out of an End, a second flow out of a Start, Action, Nested process or Merge, a third out of a
// Condition, a second into a Split, a flow from a point to itself, a flow out of a Wait for the first event to anything
// but a wait for a message, signal or time, anything into a timer on an edge, a timer on the edge
// of anything but an Action or a Nested process, and creating anything but our points.
import inherits from 'inherits-browser';
import RuleProvider from 'diagram-js/lib/features/rules/RuleProvider';
import { kindOf, canAddOutgoing, canAddIncoming, CARRIES_TIMERS, EVENT_GATEWAY_TARGETS } from './kinds';
import { is } from 'bpmn-js/lib/util/ModelUtil';

const PRIORITY = 1500;

export default function CrmRules(eventBus) {
  RuleProvider.call(this, eventBus);
}

CrmRules.$inject = [ 'eventBus' ];

inherits(CrmRules, RuleProvider);

function refusesFlow(source, target, reconnected) {
  if (!source || !target || source.waypoints || target.waypoints) {
    return false;
  }

  if (kindOf(source) === null || kindOf(target) === null) {
    return false; // not a point (e.g. a label or the process): leave it to bpmn-js
  }

  if (source === target) {
    return true;
  }

  if (kindOf(source) === 'event-gateway' && !EVENT_GATEWAY_TARGETS.includes(kindOf(target))) {
    return true; // it waits for the first of its events: each flow must lead to one
  }

  const fromSameSource = reconnected && reconnected.source === source ? reconnected : undefined;
  const toSameTarget = reconnected && reconnected.target === target ? reconnected : undefined;
  return !canAddOutgoing(source, fromSameSource) || !canAddIncoming(target, toSameTarget);
}

/** True when <paramref name="target"/> is an activity that may not carry a boundary event (only Actions and Nested processes may). */
function refusesAttach(target) {
  return !!target && is(target, 'bpmn:Activity') && !CARRIES_TIMERS.includes(kindOf(target));
}

CrmRules.prototype.init = function() {
  this.addRule('shape.attach', PRIORITY, (context) => {
    return refusesAttach(context.target) ? false : undefined;
  });

  // Moving an event onto an activity's border attaches it: the same limit.
  this.addRule('elements.move', PRIORITY, (context) => {
    const events = (context.shapes || []).filter(s => is(s, 'bpmn:BoundaryEvent') || is(s, 'bpmn:IntermediateCatchEvent'));
    return events.length > 0 && context.shapes.length === 1 && refusesAttach(context.target) ? false : undefined;
  });

  this.addRule('connection.create', PRIORITY, (context) => {
    return refusesFlow(context.source, context.target) ? false : undefined;
  });

  this.addRule('connection.reconnect', PRIORITY, (context) => {
    return refusesFlow(context.source, context.target, context.connection) ? false : undefined;
  });

  this.addRule('shape.create', PRIORITY, (context) => {
    return kindOf(context.shape) === null && !context.shape.labelTarget ? false : undefined;
  });
};
