// When a flow is drawn out of a Condition, it is labelled for the consultant (in the host's language): the first becomes "Yes"
// (crm:branch="yes"), the second "No" (crm:branch="no", and the gateway's default, as the engine's exporter writes
// it). Done in postExecuted through modeling.updateProperties, so one undo removes the flow and its label.
import inherits from 'inherits-browser';
import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { kindOf } from './kinds';
import { t } from './labels';

export default function CrmConditionBranches(eventBus, modeling) {
  CommandInterceptor.call(this, eventBus);

  this.postExecuted('connection.create', (event) => {
    const connection = event.context.connection;
    const source = connection.source;
    if (kindOf(source) !== 'condition' || getBusinessObject(connection).get('crm:branch')) {
      return;
    }

    const taken = (source.outgoing || [])
      .filter(c => c !== connection)
      .map(c => getBusinessObject(c).get('crm:branch'));
    const branch = !taken.includes('yes') ? 'yes' : !taken.includes('no') ? 'no' : undefined;
    if (!branch) {
      return;
    }

    modeling.updateProperties(connection, { name: t(branch === 'yes' ? 'canvas.branch-yes' : 'canvas.branch-no'), 'crm:branch': branch });
    if (branch === 'no') {
      modeling.updateProperties(source, { default: getBusinessObject(connection) });
    }
  });
}

CrmConditionBranches.$inject = [ 'eventBus', 'modeling' ];

inherits(CrmConditionBranches, CommandInterceptor);
