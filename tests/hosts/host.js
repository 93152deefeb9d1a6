// Node host (better-sqlite3, which bundles its own, newer SQLite): loads the
// extension, runs queries.txt and the monthly check's statements with @month
// and @as_of bound, prints each row's values joined by '|' (NULL as empty).
// Usage: node host.js EXT DB MONTHLY_SQL MONTH AS_OF
const fs = require('fs');
const path = require('path');
const Database = require(path.join(__dirname, 'node', 'node_modules', 'better-sqlite3'));
const [ext, dbpath, monthlySql, month, asOf] = process.argv.slice(2);
const db = new Database(dbpath);
db.loadExtension(ext);
const emit = (rows) => { for (const r of rows) console.log(r.map((v) => v === null ? '' : String(v)).join('|')); };
for (const q of fs.readFileSync(path.join(__dirname, 'queries.txt'), 'utf8').split('\n')) {
  if (q.trim() && !q.startsWith('--')) emit(db.prepare(q).raw(true).all());
}
const params = { month, as_of: asOf };
// The script's statements, one by one: comments dropped (the script has no
// '--' inside a string), split at a ';' that ends a line.
const text = fs.readFileSync(monthlySql, 'utf8').split('\n').map((l) => l.split('--')[0].trimEnd()).join('\n');
for (const stmt of text.split(';\n')) {
  const body = stmt.trim();
  if (!body) continue;
  const st = db.prepare(body);
  const bound = {};
  for (const n of Object.keys(params)) if (body.includes('@' + n)) bound[n] = params[n];
  if (st.reader) emit(st.raw(true).all(bound)); else st.run(bound);
}
