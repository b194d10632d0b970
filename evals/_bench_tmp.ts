import { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../src/store/pglite.ts';
import { migrate } from '../src/store/migrate.ts';
let t = performance.now();
const tpl = await PGlite.create();
console.log('create1', performance.now() - t);
t = performance.now();
const tpl2 = await PGlite.create();
console.log('create2', performance.now() - t);
t = performance.now();
const c1 = await tpl.clone();
console.log('clone1', performance.now() - t);
for (let i=0;i<5;i++){ t = performance.now(); const c = await tpl.clone(); console.log('clone', performance.now() - t); t = performance.now(); await c.close(); console.log('close', performance.now()-t);}
const mu = process.memoryUsage(); console.log(mu.rss/1e6);
