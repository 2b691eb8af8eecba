// The palette offers our point kinds (a Start's and an End's variants come from the replace menu), with our names, plus the hand, lasso and connect tools.
// Registered under bpmn-js's own service name 'paletteProvider', so BPMN's full palette never appears.
import { KINDS } from './kinds';
import { t } from './labels';

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
      group: 'tools', className: 'bpmn-icon-hand-tool', title: t('canvas.hand'),
      action: { click: (event) => this._handTool.activateHand(event) }
    },
    'lasso-tool': {
      group: 'tools', className: 'bpmn-icon-lasso-tool', title: t('canvas.lasso'),
      action: { click: (event) => this._lassoTool.activateSelection(event) }
    },
    'global-connect-tool': {
      group: 'tools', className: 'bpmn-icon-connection-multi', title: t('canvas.connect-tool'),
      action: { click: (event) => this._globalConnect.start(event) }
    },
    'tool-separator': { group: 'tools', separator: true }
  };

  for (const kind of KINDS.filter(k => k.palette !== false)) {
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
