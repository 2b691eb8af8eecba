// The palette offers exactly our point kinds, with our names, plus the hand, lasso and connect tools.
// Registered under bpmn-js's own service name 'paletteProvider', so BPMN's full palette never appears.
import { KINDS } from './kinds';

export default function CrmPaletteProvider(palette, create, crmElementFactory, handTool, lassoTool, globalConnect) {
  this._create = create;
  this._crmElementFactory = crmElementFactory;
  this._handTool = handTool;
  this._lassoTool = lassoTool;
  this._globalConnect = globalConnect;
  palette.registerProvider(this);
}

CrmPaletteProvider.$inject = [ 'palette', 'create', 'crmElementFactory', 'handTool', 'lassoTool', 'globalConnect' ];

CrmPaletteProvider.prototype.getPaletteEntries = function() {
  const entries = {
    'hand-tool': {
      group: 'tools', className: 'bpmn-icon-hand-tool', title: 'Move the canvas (H)',
      action: { click: (event) => this._handTool.activateHand(event) }
    },
    'lasso-tool': {
      group: 'tools', className: 'bpmn-icon-lasso-tool', title: 'Select several points (L)',
      action: { click: (event) => this._lassoTool.activateSelection(event) }
    },
    'global-connect-tool': {
      group: 'tools', className: 'bpmn-icon-connection-multi', title: 'Connect two points (C)',
      action: { click: (event) => this._globalConnect.start(event) }
    },
    'tool-separator': { group: 'tools', separator: true }
  };

  for (const kind of KINDS) {
    const start = (event) => this._create.start(event, this._crmElementFactory.createPoint(kind.id));
    entries['create.' + kind.id] = {
      group: 'points',
      imageUrl: kind.icon,
      title: kind.label,
      action: { dragstart: start, click: start }
    };
  }

  return entries;
};
