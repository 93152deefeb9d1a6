"""Python host (the standard sqlite3 module): loads the extension, runs the
queries of queries.txt and the monthly check's statements with @month and
@as_of bound, prints each row's values joined by '|' (NULL as empty).
Usage: python3 host.py EXT DB MONTHLY_SQL MONTH AS_OF"""
import os, sqlite3, sys

ext, dbpath, monthly_sql, month, as_of = sys.argv[1:6]
db = sqlite3.connect(dbpath, isolation_level=None)
db.enable_load_extension(True)
db.load_extension(ext)

def emit(cursor):
    for row in cursor:
        print("|".join("" if v is None else str(v) for v in row))

for q in open(os.path.join(os.path.dirname(__file__), "queries.txt"), encoding="utf-8"):
    if q.strip() and not q.startswith("--"):
        emit(db.execute(q))
# The script's statements, one by one: comments dropped (the script has no
# '--' inside a string), split at a ';' that ends a line.
params = {"month": month, "as_of": as_of}
text = "\n".join(l.split("--", 1)[0].rstrip() for l in open(monthly_sql, encoding="utf-8"))
for body in (s.strip() for s in text.split(";\n")):
    if body:
        emit(db.execute(body, {n: v for n, v in params.items() if "@" + n in body}))
