// Parses every Mermaid sketch envelope's tests pin with Mermaid's own parser, under Node, so that a
// sketch that GitHub or GitLab would refuse to draw fails the build. Arguments: files to read; a
// Markdown file (one that holds a ```mermaid block) contributes each of its ```mermaid blocks, any
// other file is one diagram.
// Mermaid needs a DOM for DOMPurify even to parse; jsdom provides one. Run by .ci/run after
// `npm ci` in this folder: node src/test/mermaid/check.mjs FILE...
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const diagrams = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (/^```mermaid$/m.test(text)) {
    const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)];
    blocks.forEach((m, i) => diagrams.push({ name: `${file} (block ${i + 1})`, text: m[1] }));
  } else {
    diagrams.push({ name: file, text });
  }
}

let passed = 0;
let failed = 0;
for (const d of diagrams) {
  try {
    const result = await mermaid.parse(d.text);
    if (result.diagramType !== 'flowchart-v2') {
      throw new Error(`expected a flowchart, got ${result.diagramType}`);
    }
    passed++;
  } catch (e) {
    failed++;
    console.log(`FAIL ${d.name}: ${String(e.message ?? e).split('\n').slice(0, 4).join(' | ')}`);
  }
}
if (diagrams.length === 0) {
  console.log('mermaid: no diagram given');
  process.exit(1);
}
console.log(`mermaid: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
