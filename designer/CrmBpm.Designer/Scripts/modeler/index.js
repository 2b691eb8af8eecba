// The CrmBpm modules for bpmn-js. Each service name that bpmn-js also uses (paletteProvider, contextPadProvider,
// replaceMenuProvider) replaces bpmn-js's own, so the generic BPMN palette, context pad and replace menu never
// show element kinds a route map cannot hold.
import CrmElementFactory from './CrmElementFactory';
import CrmPaletteProvider from './CrmPaletteProvider';
import CrmContextPadProvider from './CrmContextPadProvider';
import CrmReplaceMenuProvider from './CrmReplaceMenuProvider';
import CrmRules from './CrmRules';
import CrmRenderer from './CrmRenderer';
import CrmConditionBranches from './CrmConditionBranches';
import { RegisterCrmMultiCommand } from './CrmMultiCommand';
import { translate } from './labels';

/** Drawing only: used by the read-only viewer as well. */
export const crmDrawModule = {
  __init__: [ 'crmRenderer' ],
  crmRenderer: [ 'type', CrmRenderer ],
  translate: [ 'value', translate ]
};

/** Editing: palette, context pad, replace menu, rules and the Yes/No labelling of Condition flows. */
export const crmModelingModule = {
  __init__: [ 'crmRenderer', 'paletteProvider', 'contextPadProvider', 'replaceMenuProvider', 'crmRules', 'crmConditionBranches', 'crmMultiCommand' ],
  crmRenderer: [ 'type', CrmRenderer ],
  translate: [ 'value', translate ],
  crmElementFactory: [ 'type', CrmElementFactory ],
  paletteProvider: [ 'type', CrmPaletteProvider ],
  contextPadProvider: [ 'type', CrmContextPadProvider ],
  replaceMenuProvider: [ 'type', CrmReplaceMenuProvider ],
  crmRules: [ 'type', CrmRules ],
  crmConditionBranches: [ 'type', CrmConditionBranches ],
  crmMultiCommand: [ 'type', RegisterCrmMultiCommand ]
};
