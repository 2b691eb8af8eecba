// Creates the shape of a point kind: the BPMN element plus, for gateways, crm:kind, so Condition and Choice
// (both exclusive gateways) and Split and Merge (both parallel gateways) stay what the consultant picked; for the
// timer kinds an empty timerEventDefinition (the panel's timer editor fills it); for a Script its format, JavaScript,
// the only language the engine runs.
import { KIND_BY_ID } from './kinds';
import { t } from './labels';

/** The kinds whose new point starts with a name, in the host's language ('canvas.new-<kind>'); events stay unnamed, as BPMN draws them. */
const NAMED_WHEN_NEW = [ 'action', 'nested', 'automatic', 'script' ];

export default function CrmElementFactory(bpmnFactory, elementFactory) {
  this._bpmnFactory = bpmnFactory;
  this._elementFactory = elementFactory;
}

CrmElementFactory.$inject = [ 'bpmnFactory', 'elementFactory' ];

/** A new, not yet placed shape of the kind with id <paramref name="kindId"/> (start, action, ...). */
CrmElementFactory.prototype.createPoint = function(kindId) {
  const kind = KIND_BY_ID[kindId];
  const attrs = kind.crmKind ? { 'crm:kind': kind.crmKind } : {};
  if (kind.id === 'script') {
    attrs.scriptFormat = 'javascript';
  }

  const businessObject = this._bpmnFactory.create(kind.type, attrs);
  if (NAMED_WHEN_NEW.includes(kind.id)) {
    businessObject.name = t('canvas.new-' + kind.id);
  }

  const shape = { type: kind.type, businessObject };
  if (kind.eventDefinitionType) {
    shape.eventDefinitionType = kind.eventDefinitionType;
  }

  return this._elementFactory.createShape(shape);
};
