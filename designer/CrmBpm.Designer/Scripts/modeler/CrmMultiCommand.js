// 'crm.multi': runs several commands as one, so one undo takes back e.g. declaring a message and pointing an event at it.
// The nested commands run in preExecute; the command stack then undoes and redoes them together.
import CrmReplaceCommand from './CrmReplaceCommand';
import CrmSortEscalationCommand from './CrmEscalationCommands';

export default function CrmMultiCommand(commandStack) {
  this._commandStack = commandStack;
}

CrmMultiCommand.$inject = [ 'commandStack' ];

/** @param {{ commands: { cmd: string, context: object }[] }} context */
CrmMultiCommand.prototype.preExecute = function(context) {
  context.commands.forEach(command => this._commandStack.execute(command.cmd, command.context));
};

/** Registers the designer's own commands, 'crm.multi', 'crm.replace' and 'crm.sortEscalation', on the command stack. */
export function RegisterCrmMultiCommand(commandStack) {
  commandStack.registerHandler('crm.multi', CrmMultiCommand);
  commandStack.registerHandler('crm.replace', CrmReplaceCommand);
  commandStack.registerHandler('crm.sortEscalation', CrmSortEscalationCommand);
}

RegisterCrmMultiCommand.$inject = [ 'commandStack' ];
