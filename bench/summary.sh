#!/usr/bin/env bash
# bench/summary.sh OUTDIR — the summary table of a bench/run.sh run: one row
# per measurement with the median, min and max of its CPU seconds (RSS in MB
# for the memory rows), the ratio to its baseline (the median of the
# per-repetition ratios, min–max), the target and whether it is met. Then
# the callgrind instructions per row and the agreement of the results.
# Exit 1 when a measurement has no number (a broken run), never for a timing.
set -euo pipefail
OUT=$1
RES="$OUT/results.tsv" CG="$OUT/callgrind.tsv"
[ -s "$RES" ] || { echo "bench: no results in $RES" >&2; exit 1; }
# measurement | group | member | baseline | kind (le: member/baseline <= target;
# best: member/baseline >= target for the faster of the "best" rows, i.e. the
# function is that many times faster; inv: that ratio, reported; rep:
# reported; opt: reported when present) | target | metric (cpu|rss)
SPEC=$(cat <<'EOF'
floor: deadline_ok / no-op|deadline_ok|deadline_ok|noop_deadline_ok|le|1.25|cpu
floor: report_due / no-op|report_due|report_due|noop_report_due|rep||cpu
floor: report_due, 3 rules cycling / 2 rules|report_due_rules|three_rules|two_rules|le|1.2|cpu
floor: is_working_day / no-op|is_working_day|is_working_day|noop_is_working_day|rep||cpu
floor: half_year / no-op|half_year|half_year|noop_half_year|rep||cpu
floor: award_tier / no-op|award_tier|award_tier|noop_award_tier|rep||cpu
plain: date()/strftime() ÷ deadline_ok|plain|plain_date|deadline_ok|best|8|cpu
plain: integer arithmetic ÷ deadline_ok|plain|plain_arith|deadline_ok|best|8|cpu
plain: workday table ÷ deadline_ok|plain_holidays|plain_workday|deadline_ok|inv||cpu
agg: learning_hours / min(sum(h),12)|learning_hours|learning_hours|min_sum|le|1.2|cpu
agg: learning_hours / no-op aggregate|learning_hours|learning_hours|noop_sum|rep||cpu
agg: pledge_rate / avg(min(…))|pledge|pledge_rate|avg_min|le|1.2|cpu
agg: pledge_rate / no-op aggregate|pledge|pledge_rate|noop_sum|rep||cpu
agg: learning_hours window / min(sum() OVER)|learning_hours_window|learning_hours|min_sum|rep||cpu
calendar: is_working_day 100 overrides / none|override_is_working_day|with100|without|le|1.1|cpu
calendar: deadline_ok 100 overrides / none|override_deadline_ok|with100|without|le|1.1|cpu
command: monthly-check / sqlite3 + ext (10 y)|overhead_monthly-check|learnclub|sqlite3|le|1.10|cpu
command: evaluate / sqlite3 + ext (10 y)|overhead_evaluate|learnclub|sqlite3|le|1.10|cpu
command: hours / sqlite3 + ext (10 y)|overhead_hours|learnclub|sqlite3|le|1.10|cpu
command: start-up, help / sqlite3 select 1|startup|learnclub|sqlite3|rep||cpu
import: a year into empty tables / floor|import_year|learnclub|floor|le|1.5|cpu
import: a month into 10 y / floor|import_month|learnclub|floor|le|1.5|cpu
report: national page / its queries (1 y)|report_page|learnclub|queries|le|1.5|cpu
workflow: monthly-check 10 y / 1 y|wf_monthly-check|y10|y1|le|1.5|cpu
workflow: evaluate 10 y / 1 y|wf_evaluate|y10|y1|le|1.5|cpu
workflow: hours 10 y / 1 y|wf_hours|y10|y1|rep||cpu
what-if: evaluate, join order fixed, 10 y / 1 y|whatif_evaluate|y10|y1|opt||cpu
what-if: hours + index meeting(kind, held_on, …)|whatif_hours|y10|y1|opt||cpu
cluster: monthly-check, 1 node / file (1 y)|cl_monthly-check|node1|file|le|1.5|wall
cluster: monthly-check, 3 nodes / file (1 y)|cl_monthly-check|node3|file|le|1.5|wall
cluster: evaluate, 1 node / file (1 y)|cl_evaluate|node1|file|le|3|wall
cluster: evaluate, 3 nodes / file (1 y)|cl_evaluate|node3|file|le|3|wall
cluster: hours, 1 node / file (1 y)|cl_hours|node1|file|le|1.5|wall
cluster: hours, 3 nodes / file (1 y)|cl_hours|node3|file|le|1.5|wall
cluster: import a month, 1 node / file|cl_import|node1|file|rep||wall
cluster: import a month, 3 nodes / file|cl_import|node3|file|le|3|wall
memory: monthly-check / plain sqlite3 (RSS)|mem_monthly-check|learnclub|plain_sqlite3|rep||rss
memory: evaluate / plain sqlite3 (RSS)|mem_evaluate|learnclub|plain_sqlite3|rep||rss
memory: hours / plain sqlite3 (RSS)|mem_hours|learnclub|plain_sqlite3|rep||rss
EOF
)
awk -F'\t' -v spec="$SPEC" '
function med(s,   n, a, i, j, t) { n = split(s, a, " "); for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  MIN = a[1]; MAX = a[n]; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
NR == 1 { next }
{ k = $1 SUBSEP $2; cpu[k, $3] = $4; wall[k, $3] = $5; if (match($6, /rss_kb=[0-9]+/)) rss[k, $3] = substr($6, RSTART + 7, RLENGTH - 7) / 1024
  reps[k] = reps[k] " " $3; val[k] = $6 }
END {
  n = split(spec, L, "\n"); bad = 0
  printf "%-46s %9s %9s %9s  %-22s %-8s %s\n", "measurement", "median", "min", "max", "ratio (min-max)", "target", "met"
  # best plain-SQL way: the lower median CPU of the two
  for (i = 1; i <= n; i++) { split(L[i], f, "|"); if (f[5] == "best") { s = ""; m = split(reps[f[2], f[3]], r, " "); for (j = 1; j <= m; j++) s = s " " cpu[f[2], f[3], r[j]]; v = med(s); if (best == "" || v < bestv) { best = f[3]; bestv = v } } }
  for (i = 1; i <= n; i++) {
    split(L[i], f, "|"); g = f[2]; a = g SUBSEP f[3]; b = g SUBSEP f[4]
    m = split(reps[a], r, " ")
    if (m == 0 && f[5] == "opt") { printf "%-46s %9s\n", f[1], "skipped (see the run log)"; continue }
    if (m == 0) { printf "%-46s %9s\n", f[1], "NO NUMBER"; bad = 1; continue }
    s = ""; q = ""
    for (j = 1; j <= m; j++) {
      x = f[7] == "rss" ? rss[a, r[j]] : f[7] == "wall" ? wall[a, r[j]] : cpu[a, r[j]]
      y = f[7] == "rss" ? rss[b, r[j]] : f[7] == "wall" ? wall[b, r[j]] : cpu[b, r[j]]
      if (x == "" || y == "") { bad = 1; continue }
      s = s " " x
      q = q " " (y > 0 ? x / y : 0) }
    if (s == "") { printf "%-46s %9s\n", f[1], "NO NUMBER"; bad = 1; continue }
    md = med(s); mn = MIN; mx = MAX
    rm = med(q); rmin = MIN; rmax = MAX
    unit = f[7] == "rss" ? "MB" : "s"
    kind = f[5]; tgt = "reported"; met = "-"
    if (kind == "le") { tgt = "<= " f[6] "x"; met = rm <= f[6] ? "met" : "NOT MET" }
    if (kind == "best") { if (f[3] == best) { tgt = ">= " f[6] "x"; met = rm >= f[6] ? "met" : "NOT MET"; f[1] = f[1] " (best)" } }
    if (kind == "best" || kind == "inv") ratio = sprintf("%.1f (%.1f-%.1f)", rm, rmin, rmax)
    else ratio = sprintf("%.3f (%.3f-%.3f)", rm, rmin, rmax)
    printf "%-46s %8.3f%s %8.3f%s %8.3f%s  %-22s %-8s %s\n", f[1], md, unit, mn, unit, mx, unit, ratio, tgt, met
  }
  exit bad
}' "$RES" || { echo "bench: a measurement produced no number" >&2; exit 1; }
echo
echo "results (the last repetition's value of each member; pairs that compute the same thing must agree):"
awk -F'\t' 'NR > 1 { v[$1 "/" $2] = $6 } END { for (k in v) printf "  %-40s %s\n", k, v[k] }' "$RES" | LC_ALL=C sort
[ -s "$OUT/whatif-check.txt" ] && { echo; cat "$OUT/whatif-check.txt"; }
[ -s "$OUT/report-size.txt" ] && { echo; echo "the HTML report (issue 16)"; sed 's/^/  /' "$OUT/report-size.txt"; }
[ -s "$OUT/failover.txt" ] && { echo; echo "the cluster (issue 17)"; sed 's/^/  /' "$OUT/failover.txt"; }
[ -s "$OUT/import-rates.txt" ] && { echo; echo "import-meetings (issue 13): rows per second"; cat "$OUT/import-rates.txt"; }
if [ -s "$CG" ]; then
  echo
  echo "callgrind: instructions per row (exact: (Ir of a 60k-row run - Ir of a 10k-row run) / 50k)"
  awk -F'\t' '{ ir[$1] = $2; o[++n] = $1 } END { for (i = 1; i <= n; i++) { k = o[i]; if (k ~ /^noop_/) continue
      b = "noop_" k; if (k ~ /^plain/) b = "deadline_ok"; if (k ~ /\+/) b = substr(k, 1, index(k, "+") - 1)
      if (b in ir && ir[b] > 0) printf "  %-16s %8.1f   %-18s %8.1f   ratio %.2f\n", k, ir[k], b, ir[b], ir[k] / ir[b]
      else printf "  %-16s %8.1f\n", k, ir[k] } }' "$CG"
fi
for f in "$OUT"/hotspots-*.tsv; do
  [ -s "$f" ] || continue
  echo
  echo "callgrind: instructions per row by function (exclusive), $(basename "$f" .tsv | sed 's/^hotspots-//')"
  awk -F'\t' '{ printf "  %8.1f  %s\n", $3, $2 }' "$f"
done
[ -s "$OUT/extension.txt" ] && { echo; echo "extension measured: $(head -n 1 "$OUT/extension.txt")"; sed -n '2,$p' "$OUT/extension.txt"; }
exit 0
