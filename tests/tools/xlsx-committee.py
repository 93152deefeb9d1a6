#!/usr/bin/python3
"""tests/tools/xlsx-committee.py — the committee's check of evaluate's 심사표
(issue 16; sql/evaluate-sheet.sql ES1-ES3), done the way a person would do
it by hand, from the sheet alone and evaluate's own JSON output.

  xlsx-read.py FILE.xlsx | xlsx-committee.py EVALUATE.json

reads the 심사표 by its Korean headers and checks, for every club and stage:
the mean of the totals without a mark (per panel with weights, then the
weighted mean of the panel means) is the score shown, 2 decimals; the same
for the tie-break criterion; a total marked 최고점 제외 is not below any
total that counts in its pool, one marked 최저점 제외 not above; and the
rank, tier, prize, status and score are those evaluate printed. It prints
one line: clubs=N judges=N marked=MARKS scored=yes|no bad=none|[...].
"""
import json
import sys

lines = sys.stdin.read().split("\n")
start = [i for i, l in enumerate(lines) if l.startswith("sheet 심사표 ")][0]


def cells(line):
    out = []
    for c in line.split(": ", 1)[1].split("|"):
        t, v = c.split(":", 1)
        out.append(None if t == "e" else float(v) if t == "n" else v)
    return out


head = cells(lines[start + 1])
rows = []
for l in lines[start + 2:]:
    if not l.startswith("row "):
        break
    rows.append(dict(zip(head, cells(l))))
printed = json.load(open(sys.argv[1]))

COUNTED_MARKS = ("최고점 제외", "최저점 제외")
bad = []
clubs = {}
for r in rows:
    clubs.setdefault((r["사업"], r["동아리"]), []).append(r)


def r2(x):
    return round(x + 1e-9, 2)


def check_measure(club, stage, rs, total, mark, mean, by_panel):
    """The mean of the totals that count (ES2, ES3), and the trimming marks."""
    pools = {}
    for r in rs:
        if r[total] is None or r[mark] not in (None,) + COUNTED_MARKS:
            continue  # recused, or a panel without a weight: outside every pool
        pools.setdefault(r["심사단"] if by_panel else "", []).append(r)
    num = den = 0.0
    for pool, prs in pools.items():
        kept = [r[total] for r in prs if r[mark] is None]
        for r in prs:
            if r[mark] == "최고점 제외" and kept and r[total] < max(kept):
                bad.append("%s %s: a 최고점 제외 below a kept total" % (club, stage))
            if r[mark] == "최저점 제외" and kept and r[total] > min(kept):
                bad.append("%s %s: a 최저점 제외 above a kept total" % (club, stage))
        if not kept:
            continue
        m = sum(kept) / len(kept)
        if by_panel and total == "심사위원 합계":
            if prs[0]["심사단 평균(절사)"] != r2(m):
                bad.append("%s %s panel %s mean %s != %s" % (club, stage, pool, r2(m), prs[0]["심사단 평균(절사)"]))
        w = prs[0]["심사단 가중치"] if by_panel else 1.0
        num += w * m
        den += w
    want = r2(num / den) if den else None
    if rs[0][mean] != want:
        bad.append("%s %s %s: %s shown, %s by hand" % (club, stage, mean, rs[0][mean], want))


n_judges = 0
marks = set()
for (prog, club), rs in clubs.items():
    for stage in sorted({r["단계"] for r in rs if r["단계"]}):
        srs = [r for r in rs if r["단계"] == stage]
        by_panel = srs[0]["심사단 가중치"] is not None or any(r["제외 사유"] == "가중치 없는 패널" for r in srs)
        check_measure(club, stage, srs, "심사위원 합계", "제외 사유", "점수(절사평균)", by_panel)
        if any(r["동점 기준 항목 점수"] is not None for r in srs):
            check_measure(club, stage, srs, "동점 기준 항목 점수", "동점 기준 제외 사유",
                          "동점 기준 점수(절사평균)", by_panel)
    n_judges += sum(1 for r in rs if r["심사위원"] is not None)
    marks.update(r["제외 사유"] for r in rs if r["제외 사유"])
    # rank, tier, prize, status and the score as evaluate printed them
    p = [x for x in printed if x["club"] == club]
    if len(p) != 1:
        bad.append("%s: %d rows in evaluate's output" % (club, len(p)))
        continue
    p = p[0]
    shown_stage = "screening" if p["status"] == "screened_out" else "final"
    srs = [r for r in rs if r["단계"] == shown_stage] or rs
    for label, key in (("순위", "rank"), ("등급", "tier"), ("시상금", "prize"), ("상태", "status"),
                       ("점수(절사평균)", "score"), ("동점 기준 점수(절사평균)", "tie_break")):
        want = p[key]
        want = float(want) if isinstance(want, (int, float)) else want
        if srs[0][label] != want:
            bad.append("%s %s: %s in the sheet, %s from evaluate" % (club, label, srs[0][label], want))
scored = any(r["점수(절사평균)"] is not None for r in rows)
print("clubs=%d judges=%d marked=%s scored=%s bad=%s"
      % (len(clubs), n_judges, ",".join(sorted(marks)) or "none", "yes" if scored else "no", bad or "none"))
