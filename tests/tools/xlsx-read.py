#!/usr/bin/python3
"""tests/tools/xlsx-read.py — the workbooks `learnclub --format xlsx` writes,
read by a reader that is not ours (Debian's python3-openpyxl; issue 16).

  xlsx-read.py FILE.xlsx        what the workbook holds, one fact a line:
      property title|subject|comments=VALUE
      sheet NAME freeze=CELL formulas=N fits=yes|COLUMNS
      row N: CELL|CELL|...      each cell TYPE:VALUE
  xlsx-read.py --json FILE.json the rows of `--format json` output in the
      same form (no header row), as a workbook should type them.

Cell types: s text, n number (shown as a Python float), d a date or
date-time (shown in its number format: 2015-07-06 or 2015-04-04 11:50),
e empty (an empty text too: a workbook has no empty text cell), f a formula
(never expected), ? anything else. Text is shown with the format's escapes
_xHHHH_ undone (ECMA-376 ST_Xstring: a control character, as Excel shows
it). formulas counts the
<f> elements of the sheet's XML itself, so nothing the reader does can hide
one. fits=yes when every column is at least as wide as its widest value
shown (East Asian wide characters count two), or at least 60 (the widest
column learnclub makes: xlsx.c X2), else the columns that are not.
"""
import json
import re
import sys
import unicodedata
import zipfile

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$")


def width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def from_json(value):
    if value is None or value == "":
        return "e:"
    if isinstance(value, bool):
        return "?:" + str(value)
    if isinstance(value, (int, float)):
        return "n:" + repr(float(value))
    if DATE.match(value) and int(value[:4]) > 1900:
        return "d:" + value
    return "s:" + value


def from_cell(cell):
    v = cell.value
    if v is None:
        return "e:", ""
    if cell.data_type == "f":
        return "f:" + str(v), str(v)
    if cell.data_type == "s":
        v = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), v)
        return "s:" + v, v
    if cell.data_type == "n":
        return "n:" + repr(float(v)), "%.15g" % v
    if cell.data_type == "d":
        fmt = {"yyyy-mm-dd": "%Y-%m-%d", "yyyy-mm-dd hh:mm": "%Y-%m-%d %H:%M",
               "yyyy-mm-dd hh:mm:ss": "%Y-%m-%d %H:%M:%S"}.get(cell.number_format)
        if fmt is None:
            return "?:date in format " + cell.number_format, ""
        shown = v.strftime(fmt)
        return "d:" + shown, shown
    return "?:" + cell.data_type + ":" + str(v), str(v)


def main():
    if sys.argv[1] == "--json":
        with open(sys.argv[2], encoding="utf-8") as f:
            rows = json.load(f)
        for i, row in enumerate(rows):
            print("row %d: %s" % (i + 2, "|".join(from_json(v) for v in row.values())))
        return
    import openpyxl
    from openpyxl.utils import get_column_letter
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    p = wb.properties
    print("property title=%s" % (p.title or ""))
    print("property subject=%s" % (p.subject or ""))
    print("property comments=%s" % (p.description or ""))
    with zipfile.ZipFile(path) as z:
        xml = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")}
    for k, ws in enumerate(wb.worksheets):
        sheet_xml = xml.get("xl/worksheets/sheet%d.xml" % (k + 1), "")
        formulas = len(re.findall(r"<f[ >/]", sheet_xml))
        lines, widest = [], {}
        for r, row in enumerate(ws.iter_rows(), start=1):
            cells = []
            for c, cell in enumerate(row, start=1):
                text, shown = from_cell(cell)
                cells.append(text)
                widest[c] = max(widest.get(c, 0), width(shown))
            lines.append("row %d: %s" % (r, "|".join(cells)))
        bad = [get_column_letter(c) for c, w in sorted(widest.items())
               if ws.column_dimensions[get_column_letter(c)].width < min(w, 60)]
        print("sheet %s freeze=%s formulas=%d fits=%s"
              % (ws.title, ws.freeze_panes, formulas, ",".join(bad) if bad else "yes"))
        for line in lines:
            print(line)


main()
