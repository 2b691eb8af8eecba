// Runs the sale-shaped map on bpmn-engine N times, one instance after another, signalling every user
// task as soon as it waits (the way our benchmark completes tasks), and prints instances per second as JSON.
'use strict';
const fs = require('fs');
const path = require('path');
const { Engine } = require('bpmn-engine');
const { EventEmitter } = require('events');

const source = fs.readFileSync(path.join(__dirname, 'sale-shaped.bpmn'), 'utf8');
const count = Number(process.argv[2] || 200);

function runOnce() {
  return new Promise((resolve, reject) => {
    const engine = new Engine({ name: 'bench', source });
    const listener = new EventEmitter();
    listener.on('wait', (api) => api.signal());
    engine.once('end', () => resolve());
    engine.once('error', reject);
    engine.execute({ listener, variables: { amount: 5000 } }).catch(reject);
  });
}

(async () => {
  for (let i = 0; i < Math.min(20, count); i++) await runOnce(); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await runOnce();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ instances: count, seconds, perSecond: count / seconds, version: JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules/bpmn-engine/package.json'), 'utf8')).version }) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
