import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
const buf = await readFile(process.argv[2]);
const zip = await JSZip.loadAsync(buf);
const xml = await zip.file('word/document.xml').async('string');
const ps = xml.split(/<w:p[ >]/).slice(1);
let i=0;
for (const p of ps) {
  const num = p.match(/<w:numId w:val="(\d+)"\/>/); const il = p.match(/<w:ilvl w:val="(\d+)"\/>/);
  const st = p.match(/<w:pStyle w:val="([^"]+)"/);
  const t = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m=>m[1]).join('').slice(0,60);
  if (!t) continue;
  console.log(`${++i}\t${st?st[1]:''}\t${num?num[1]+'/'+(il?il[1]:0):''}\t${t}`);
}
