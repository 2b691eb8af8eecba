// Creates the shape of a point kind: the BPMN element plus, for gateways, crm:kind, so Condition and Choice
// (both exclusive gateways) and Split and Merge (both parallel gateways) stay what the consultant picked.
import { KIND_BY_ID } from './kinds';

export default function CrmElementFactory(bpmnFactory, elementFactory) {
  this._bpmnFactory = bpmnFactory;
  this._elementFactory = elementFactory;
}

CrmElementFactory.$inject = [ 'bpmnFactory', 'elementFactory' ];

/** A new, not yet placed shape of the kind with id <paramref name="kindId"/> (start, action, ...). */
CrmElementFactory.prototype.createPoint = function(kindId) {
  const kind = KIND_BY_ID[kindId];
  const attrs = kind.crmKind ? { 'crm:kind': kind.crmKind } : {};
  const businessObject = this._bpmnFactory.create(kind.type, attrs);
  if (kind.id === 'action' || kind.id === 'nested') {
    businessObject.name = kind.id === 'action' ? 'New action' : 'Nested process';
  }

  return this._elementFactory.createShape({ type: kind.type, businessObject });
};
