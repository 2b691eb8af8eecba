// The replace menu ('bpmn-replace', also opened with R) only switches between sibling kinds: Condition <-> Choice and
// Split <-> Merge (drawn with the same BPMN element: a crm:kind change through modeling.updateProperties); Action,
// Automatic step and Script (different task elements); the Start's, the End's, the waits' and the edge events' variants
// (the same event element with another event definition). The last three go through bpmn-js's own replace, which keeps
// the id, name, flows and the edge an event sits on. Each is one command ('crm.replace' for the last three, which also
// gives a Script its format, JavaScript), so one undo takes it back.
import { KIND_BY_ID, KINDS, BOUNDARY_KINDS, kindOf, familyOf } from './kinds';
import { t } from './labels';

const GATEWAY_SIBLINGS = { condition: 'choice', choice: 'condition', split: 'merge', merge: 'split' };

/** The families whose members replace each other (tasks, the Start's and End's variants, waits, edge events). */
const REPLACED_FAMILIES = [ 'task', 'start', 'end', 'catch', 'throw', 'boundary' ];

/** The kinds whose context pad offers "Change kind". */
export const REPLACEABLE = [
  ...Object.keys(GATEWAY_SIBLINGS),
  ...[ ...KINDS, ...BOUNDARY_KINDS ].filter(k => REPLACED_FAMILIES.includes(k.family)).map(k => k.id)
];

/** The other kinds of <kindId>'s family, in palette order. */
export function siblingsOf(kindId) {
  const family = familyOf(kindId);
  return REPLACED_FAMILIES.includes(family) ? [ ...KINDS, ...BOUNDARY_KINDS ].filter(k => k.family === family && k.id !== kindId) : [];
}

export default function CrmReplaceMenuProvider(popupMenu, modeling, commandStack) {
  this._modeling = modeling;
  this._commandStack = commandStack;
  popupMenu.registerProvider('bpmn-replace', this);
}

CrmReplaceMenuProvider.$inject = [ 'popupMenu', 'modeling', 'commandStack' ];

CrmReplaceMenuProvider.prototype.getPopupMenuEntries = function(element) {
  const current = kindOf(element);
  const sibling = GATEWAY_SIBLINGS[current];
  if (sibling) {
    return this._entry(KIND_BY_ID[sibling], () => this.replace(element, sibling));
  }

  return Object.assign({}, ...siblingsOf(current).map(kind => this._entry(kind, () => this.replace(element, kind.id))));
};

/** Turns <element> into a point of kind <kindId> of its family; returns the (possibly new) shape. */
CrmReplaceMenuProvider.prototype.replace = function(element, kindId) {
  const kind = KIND_BY_ID[kindId];
  if (GATEWAY_SIBLINGS[kindOf(element)]) {
    const properties = { 'crm:kind': kindId };
    if (kindId === 'choice') {
      properties['crm:expression'] = undefined;
    }

    this._modeling.updateProperties(element, properties);
    return element;
  }

  const target = { type: kind.type };
  if (kind.eventDefinitionType) {
    target.eventDefinitionType = kind.eventDefinitionType;
  }

  const context = { element, target, properties: kindId === 'script' ? { scriptFormat: 'javascript' } : undefined };
  this._commandStack.execute('crm.replace', context);
  return context.replaced;
};

CrmReplaceMenuProvider.prototype._entry = function(kind, action) {
  return {
    ['replace.' + kind.id]: { label: t('canvas.replace-to', kind.label), imageUrl: kind.icon, action }
  };
};

CrmReplaceMenuProvider.prototype.getPopupMenuHeaderEntries = function() {
  return {};
};
