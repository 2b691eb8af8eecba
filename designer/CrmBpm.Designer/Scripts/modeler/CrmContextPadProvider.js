// The context pad of a point offers only the points that may follow it (none once its outgoing flows are
// used up), connect, change kind (where a sibling kind exists), a timer, message, signal or error on the edge (Action, Nested process,
// Automatic step) and delete. Registered as 'contextPadProvider'
// so BPMN's general entries (text annotation, intermediate events, ...) never appear.
import { KINDS, BOUNDARY_KINDS, CARRIES_TIMERS, kindOf, canAddOutgoing, nextKinds, carries } from './kinds';
import { t } from './labels';
import { REPLACEABLE } from './CrmReplaceMenuProvider';

export default function CrmContextPadProvider(contextPad, modeling, autoPlace, create, connect, popupMenu, crmElementFactory, rules, canvas, selection) {
  this._selection = selection;
  this._contextPad = contextPad;
  this._modeling = modeling;
  this._autoPlace = autoPlace;
  this._create = create;
  this._connect = connect;
  this._popupMenu = popupMenu;
  this._crmElementFactory = crmElementFactory;
  this._rules = rules;
  this._canvas = canvas;
  contextPad.registerProvider(this);
}

CrmContextPadProvider.$inject = [ 'contextPad', 'modeling', 'autoPlace', 'create', 'connect', 'popupMenu', 'crmElementFactory', 'rules', 'canvas', 'selection' ];

CrmContextPadProvider.prototype.getContextPadEntries = function(element) {
  const entries = {};
  const remove = {
    group: 'edit', className: 'bpmn-icon-trash', title: t('canvas.delete'),
    action: { click: () => this._modeling.removeElements([ element ]) }
  };

  if (element.waypoints) {
    entries.delete = remove;
    return entries;
  }

  const kind = kindOf(element);
  if (!kind) {
    if (this._rules.allowed('elements.delete', { elements: [ element ] })) {
      entries.delete = remove;
    }

    return entries;
  }

  if (canAddOutgoing(element)) {
    for (const next of nextKinds(kind)) {
      const append = (event) => {
        const shape = this._crmElementFactory.createPoint(next.id);
        if (event.type === 'dragstart') {
          this._create.start(event, shape, { source: element });
        } else {
          this._autoPlace.append(element, shape);
        }
      };
      entries['append.' + next.id] = {
        group: 'model', imageUrl: next.icon, title: t('canvas.append', next.label),
        action: { click: append, dragstart: append }
      };
    }

    entries.connect = {
      group: 'connect', className: 'bpmn-icon-connection-multi', title: t('canvas.connect'),
      action: { click: (event, target) => this._connect.start(event, target), dragstart: (event, target) => this._connect.start(event, target) }
    };
  }

  if (CARRIES_TIMERS.includes(kind)) {
    for (const boundary of BOUNDARY_KINDS.filter(b => carries(kind, b))) {
      // 'attach.timer', 'attach.message', 'attach.signal', 'attach.error', 'attach.escalation' (not on an Automatic step)
      entries['attach.' + boundary.id.replace('boundary-', '')] = {
        group: 'attach', imageUrl: boundary.icon, title: t('canvas.attach', boundary.label),
        action: { click: () => this._attach(element, boundary.id) }
      };
    }
  }

  if (REPLACEABLE.includes(kind)) {
    entries.replace = {
      group: 'edit', className: 'bpmn-icon-screw-wrench', title: t('canvas.replace'),
      action: {
        click: (event, target) => {
          const pad = this._contextPad.getPad(target).html;
          const box = pad.getBoundingClientRect();
          this._popupMenu.open(target, 'bpmn-replace', { x: box.left, y: box.bottom + 8, cursor: { x: event.x, y: event.y } });
        }
      }
    };
  }

  entries.delete = remove;
  return entries;
};

/**
 * Puts a new event of kind <paramref name="kindId"/> (timer, message, signal, error) on the bottom edge of <paramref name="activity"/>, right of any already there, and selects it
 * (one createShape command, so one undo removes it).
 */
CrmContextPadProvider.prototype._attach = function(activity, kindId) {
  const timer = this._crmElementFactory.createPoint(kindId);
  const taken = (activity.attachers || []).length;
  const x = activity.x + Math.min(activity.width - 18, activity.width * 0.7 + taken * 40 - 28);
  const shape = this._modeling.createShape(timer, { x, y: activity.y + activity.height }, activity, { attach: true });
  this._selection.select(shape);
};

export { KINDS };
