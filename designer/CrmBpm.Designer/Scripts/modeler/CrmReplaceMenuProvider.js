// The replace menu ('bpmn-replace', also opened with R) only switches between sibling kinds: Condition <-> Choice and
// Split <-> Merge (drawn with the same BPMN element: a crm:kind change through modeling.updateProperties), and Action,
// Automatic step and Script (different task elements: bpmn-js's own replace, which keeps the id, name and flows). Both
// are single commands, so one undo takes the change back (a Script also gets its format, JavaScript: a second step).
import { KIND_BY_ID, kindOf } from './kinds';

const GATEWAY_SIBLINGS = { condition: 'choice', choice: 'condition', split: 'merge', merge: 'split' };
const TASK_KINDS = [ 'action', 'automatic', 'script' ];

/** The kinds whose context pad offers "Change kind". */
export const REPLACEABLE = [ ...Object.keys(GATEWAY_SIBLINGS), ...TASK_KINDS ];

export default function CrmReplaceMenuProvider(popupMenu, modeling, bpmnReplace) {
  this._modeling = modeling;
  this._bpmnReplace = bpmnReplace;
  popupMenu.registerProvider('bpmn-replace', this);
}

CrmReplaceMenuProvider.$inject = [ 'popupMenu', 'modeling', 'bpmnReplace' ];

CrmReplaceMenuProvider.prototype.getPopupMenuEntries = function(element) {
  const current = kindOf(element);
  const sibling = GATEWAY_SIBLINGS[current];
  if (sibling) {
    return this._entry(KIND_BY_ID[sibling], () => {
      const properties = { 'crm:kind': sibling };
      if (sibling === 'choice') {
        properties['crm:expression'] = undefined;
      }

      this._modeling.updateProperties(element, properties);
    });
  }

  if (!TASK_KINDS.includes(current)) {
    return {};
  }

  return Object.assign({}, ...TASK_KINDS.filter(k => k !== current).map(id => {
    const kind = KIND_BY_ID[id];
    return this._entry(kind, () => {
      const replaced = this._bpmnReplace.replaceElement(element, { type: kind.type });
      if (id === 'script') {
        this._modeling.updateProperties(replaced, { scriptFormat: 'javascript' });
      }
    });
  }));
};

CrmReplaceMenuProvider.prototype._entry = function(kind, action) {
  return {
    ['replace.' + kind.id]: { label: 'Change to ' + kind.label, imageUrl: kind.icon, action }
  };
};

CrmReplaceMenuProvider.prototype.getPopupMenuHeaderEntries = function() {
  return {};
};
