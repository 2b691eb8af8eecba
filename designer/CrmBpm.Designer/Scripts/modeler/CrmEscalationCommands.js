// An Action's escalation ladder on the canvas: each step is a boundary timer on the task carrying crm:escalation (the engine's
// EscalationReader/EscalationWriter). 'crm.sortEscalation' keeps a task's steps in the order the engine reads them — by their
// time from the deadline (a reminder counts back from it), the default outcome last, since it ends the task — by moving
// their business objects among the slots they already hold in the process, so nothing else moves. Undo puts the old order back.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

/** True for a boundary timer that is a step of an escalation ladder rather than a point of its own. */
export function isEscalationStep(element) {
  const bo = element && getBusinessObject(element);
  return !!bo && is(bo, 'bpmn:BoundaryEvent') && !!bo.get('crm:escalation');
}

/** Seconds of an ISO 8601 duration as the ladder orders it (a month 30 days, a year 365); NaN when it does not read. */
export function durationSeconds(text) {
  const match = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec((text || '').trim());
  if (!match || match[0] === 'P') {
    return NaN;
  }

  const units = [ 365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1 ];
  return units.reduce((sum, unit, i) => sum + (match[i + 1] ? parseFloat(match[i + 1]) * unit : 0), 0);
}

/** Where a step stands on the ladder: its signed offset from the deadline; the default outcome after everything else. */
function rank(bo) {
  const definition = (bo.get('eventDefinitions') || [])[0];
  const seconds = durationSeconds(definition && definition.timeDuration && definition.timeDuration.body);
  const kind = bo.get('crm:escalation');
  return [ kind === 'default-outcome' ? 1 : 0, isNaN(seconds) ? Infinity : kind === 'remind-performer' ? -seconds : seconds ];
}

export default function CrmSortEscalationCommand() {}

/** @param {{ task: object }} context the user task shape whose ladder is put in order */
CrmSortEscalationCommand.prototype.execute = function(context) {
  const task = getBusinessObject(context.task);
  const container = task.$parent;
  const elements = container.get('flowElements');
  const slots = [];
  elements.forEach((e, i) => {
    if (is(e, 'bpmn:BoundaryEvent') && e.attachedToRef === task && e.get('crm:escalation')) {
      slots.push(i);
    }
  });
  const steps = slots.map(i => elements[i]);
  const sorted = steps.map((bo, i) => ({ bo, i, rank: rank(bo) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.i - b.i)
    .map(s => s.bo);
  context.previous = elements.slice();
  context.container = container;
  sorted.forEach((bo, i) => { elements[slots[i]] = bo; });
  return [ context.task ];
};

CrmSortEscalationCommand.prototype.revert = function(context) {
  const elements = context.container.get('flowElements');
  elements.splice(0, elements.length, ...context.previous);
  return [ context.task ];
};
