// 'crm.replace': turns a point into another kind of its family as one command — bpmn-js's replace plus, for a Script, its
// format (JavaScript) — so one undo takes the whole change back. Nested commands run in preExecute and are undone with it.
export default function CrmReplaceCommand(bpmnReplace, modeling) {
  this._bpmnReplace = bpmnReplace;
  this._modeling = modeling;
}

CrmReplaceCommand.$inject = [ 'bpmnReplace', 'modeling' ];

/** @param {{ element: object, target: { type: string, eventDefinitionType?: string }, properties?: object, replaced?: object }} context */
CrmReplaceCommand.prototype.preExecute = function(context) {
  context.replaced = this._bpmnReplace.replaceElement(context.element, context.target);
  if (context.properties) {
    this._modeling.updateProperties(context.replaced, context.properties);
  }
};
