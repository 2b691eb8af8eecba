// 'crm.multi': runs several commands as one, so one undo takes back e.g. declaring a message and pointing an event at it.
// The nested commands run in preExecute; the command stack then undoes and redoes them together.
import CrmReplaceCommand from './CrmReplaceCommand';

export default function CrmMultiCommand(commandStack) {
  this._commandStack = commandStack;
}

CrmMultiCommand.$inject = [ 'commandStack' ];

/** @param {{ commands: { cmd: string, context: object }[] }} context */
CrmMultiCommand.prototype.preExecute = function(context) {
  context.commands.forEach(command => this._commandStack.execute(command.cmd, command.context));
};

/** Registers the designer's composite commands, 'crm.multi' and 'crm.replace', on the command stack. */
export function RegisterCrmMultiCommand(commandStack) {
  commandStack.registerHandler('crm.multi', CrmMultiCommand);
  commandStack.registerHandler('crm.replace', CrmReplaceCommand);
}

RegisterCrmMultiCommand.$inject = [ 'commandStack' ];
