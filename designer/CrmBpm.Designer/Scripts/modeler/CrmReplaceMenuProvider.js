// The replace menu ('bpmn-replace', also opened with R) only switches between sibling kinds drawn with the same
// BPMN element: Condition <-> Choice, Split <-> Merge. The switch is a crm:kind change through
// modeling.updateProperties, so it is undoable and the element, its flows and its name stay.
import { KIND_BY_ID, kindOf } from './kinds';

const SIBLINGS = { condition: 'choice', choice: 'condition', split: 'merge', merge: 'split' };

export default function CrmReplaceMenuProvider(popupMenu, modeling) {
  this._modeling = modeling;
  popupMenu.registerProvider('bpmn-replace', this);
}

CrmReplaceMenuProvider.$inject = [ 'popupMenu', 'modeling' ];

CrmReplaceMenuProvider.prototype.getPopupMenuEntries = function(element) {
  const sibling = SIBLINGS[kindOf(element)];
  if (!sibling) {
    return {};
  }

  const kind = KIND_BY_ID[sibling];
  return {
    ['replace.' + kind.id]: {
      label: 'Change to ' + kind.label,
      imageUrl: kind.icon,
      action: () => {
        const properties = { 'crm:kind': kind.id };
        if (kind.id === 'choice') {
          properties['crm:expression'] = undefined;
        }

        this._modeling.updateProperties(element, properties);
      }
    }
  };
};

CrmReplaceMenuProvider.prototype.getPopupMenuHeaderEntries = function() {
  return {};
};
