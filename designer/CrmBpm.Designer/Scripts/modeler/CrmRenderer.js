// Draws Condition, Choice, Split and Merge with their own glyph inside the diamond (the palette's icons), so a
// consultant tells them apart on the canvas although BPMN draws each pair with the same gateway element.
import inherits from 'inherits-browser';
import BaseRenderer from 'diagram-js/lib/draw/BaseRenderer';
import { append as svgAppend, create as svgCreate } from 'tiny-svg';
import { GLYPHS, kindOf } from './kinds';

const PRIORITY = 1500;

export default function CrmRenderer(eventBus, bpmnRenderer) {
  BaseRenderer.call(this, eventBus, PRIORITY);
  this._bpmnRenderer = bpmnRenderer;
}

CrmRenderer.$inject = [ 'eventBus', 'bpmnRenderer' ];

inherits(CrmRenderer, BaseRenderer);

CrmRenderer.prototype.canRender = function(element) {
  return !element.labelTarget && GLYPHS[kindOf(element)] !== undefined;
};

CrmRenderer.prototype.drawShape = function(parentGfx, element) {
  const diamond = this._bpmnRenderer.handlers['bpmn:Gateway'](parentGfx, element, {});
  const glyph = svgCreate('path', {
    d: GLYPHS[kindOf(element)],
    transform: `translate(${element.width / 2 - 14 * 1.25} ${element.height / 2 - 14 * 1.25}) scale(1.25)`,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2.2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    class: 'crm-gateway-glyph'
  });
  svgAppend(parentGfx, glyph);
  return diamond;
};

CrmRenderer.prototype.getShapePath = function(element) {
  return this._bpmnRenderer.getShapePath(element);
};
