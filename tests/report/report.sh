#!/usr/bin/env bash
# learnclub report DB YEAR --html FILE (issue 8, sql/report-html.sql RH1–RH5):
# the page is written, self-contained (no script, no network, no external
# resource), opens in headless Chromium with no console message, and the
# numbers Chromium renders match the database. A screenshot is kept in
# tests/out/ for a person to look at.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
chromium=$(command -v chromium || command -v chromium-browser || true)
db=$(newdb report_jg); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
LEARNCLUB_TODAY=2016-01-31 "$LC" evaluate "$db" 2015-H1 >/dev/null 2>&1
LEARNCLUB_TODAY=2016-01-31 "$LC" evaluate "$db" 2015-H2 >/dev/null 2>&1
page="$TMPROOT/report.html"; rm -f "$page"
out=$(LEARNCLUB_TODAY=2016-01-31 "$LC" report "$db" 2015 --html "$page" 2>&1); rc=$?
check "report exits 0" "0" "$rc"
check "report says where it wrote" "learnclub report: wrote $page" "$out"
check "the page exists" "yes" "$([ -s "$page" ] && echo yes || echo no)"
# Self-contained: nothing to fetch, nothing to run.
check "no script" "0" "$(grep -ci '<script' "$page")"
check "no external resource" "" "$(grep -oiE '(src|href)=\"[a-z]+:' "$page" | sort -u)"
check "no @import or url()" "0" "$(grep -ciE '@import|url\(' "$page")"
# Bad arguments: exit 2, nothing written.
check "bad year refused" "2" "$("$LC" report "$db" 15 --html "$TMPROOT/x.html" >/dev/null 2>&1; echo $?)"
check "missing --html refused" "2" "$("$LC" report "$db" 2015 >/dev/null 2>&1; echo $?)"
check "folder that does not exist refused" "2" "$("$LC" report "$db" 2015 --html "$TMPROOT/none/x.html" >/dev/null 2>&1; echo $?)"
check "nothing written on refusal" "no" "$([ -e "$TMPROOT/x.html" ] && echo yes || echo no)"
if [ -z "$chromium" ]; then
  check "chromium for the report test" "installed" "missing: run scripts/install-deps"
  exit 0
fi
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --hide-scrollbars
       --user-data-dir="$TMPROOT/chromium-profile")
dom=$(timeout 120 "$chromium" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page" 2>"$TMPROOT/chromium.err")
check "chromium renders the page" "yes" "$(grep -q 'class="report-grid"' <<<"$dom" && echo yes || echo no)"
check "no console message" "" "$(grep -E 'CONSOLE|ERR_FILE|net::ERR' "$TMPROOT/chromium.err" | head -3)"
text_of() { sed -n "s/.*id=\"$1\">\([^<]*\)<.*/\1/p" <<<"$dom" | head -n 1; }
# The numbers on the page against the database.
q() { sql "$db" "$1"; }
for st in on_time late missing; do
  want=$(LEARNCLUB_TODAY=2016-01-31 bash -c 'for m in 03 04 05 06 07 08 09 10 11 12; do "$0" monthly-check "$1" 2015-$m --as-of 2016-01-31 --format csv; done' "$LC" "$db" | grep -c ",$st,")
  check "R1 count of $st matches monthly-check" "$want" "$(text_of "count-${st//_/-}")"
done
check "R2 award total matches the award table" "$(q "SELECT printf('%,d', sum(prize)) FROM award WHERE period LIKE '2015-%';")" "$(text_of award-total)"
check "R2 every award row shown" "$(q "SELECT count(*) FROM award WHERE period LIKE '2015-%';")" "$(grep -o '<tr><td>2015-H[12]</td>' <<<"$dom" | wc -l)"
hours_h1=$("$LC" hours "$db" 2015-H1 --format csv | awk -F, 'NR>1{s+=$5} END{printf "%g", s}')
hours_h2=$("$LC" hours "$db" 2015-H2 --format csv | awk -F, 'NR>1{s+=$5} END{printf "%g", s}')
check "R3 hours total matches learnclub hours" "$(awk -v a="$hours_h1" -v b="$hours_h2" 'BEGIN{printf "%g", a+b}')" "$(text_of hours-total)"
check "Korean text kept" "yes" "$(grep -q '월별 활동보고서 제출 현황' <<<"$dom" && echo yes || echo no)"
mkdir -p "$LEARNCLUB_ROOT/tests/out"
timeout 120 "$chromium" "${flags[@]}" --window-size=1200,2400 --screenshot="$LEARNCLUB_ROOT/tests/out/report-junggu2015.png" "file://$page" >/dev/null 2>&1
check "screenshot saved" "yes" "$([ -s "$LEARNCLUB_ROOT/tests/out/report-junggu2015.png" ] && echo yes || echo no)"
# issue 16 (RH10): the print stylesheet lays each section on A4 pages of its own.
# Chromium prints the page to PDF as a person would; each section of this page
# fits on one page, so the PDF has one A4 page per section. The pages are kept
# as PNG in tests/out/ (with poppler's pdftoppm) for a person to look at.
pdf="$TMPROOT/report.pdf"; rm -f "$pdf"
timeout 120 "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null 2>&1
check "issue 16 RH10: chromium prints the page to PDF" "yes" "$([ -s "$pdf" ] && echo yes || echo no)"
sections=$(grep -o '<section ' "$page" | wc -l)
check "issue 16 RH10: six sections" "6" "$sections"
check "issue 16 RH10: one page per section" "$sections" "$(grep -a -o '/Type /Page\b' "$pdf" | wc -l)"
check "issue 16 RH10: every page A4 (595 x 842 pt)" "$sections A4" \
  "$(grep -a -o '/MediaBox \[0 0 [0-9.]* [0-9.]*\]' "$pdf" | awk '{ w = $4; h = substr($5, 1, length($5) - 1); if (w > 594 && w < 596 && h > 841 && h < 843) n++ } END { print n + 0 " A4" }')"
if command -v pdftoppm >/dev/null; then
  pdftoppm -r 60 -png "$pdf" "$LEARNCLUB_ROOT/tests/out/report-junggu2015-print"
fi
# The detector itself: a page with a console error is caught.
printf '<!doctype html><meta charset="utf-8"><script>console.error("x")</script>' >"$TMPROOT/bad.html"
timeout 60 "$chromium" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$TMPROOT/bad.html" >/dev/null 2>"$TMPROOT/bad.err"
check "the console check catches an error" "yes" "$(grep -q CONSOLE "$TMPROOT/bad.err" && echo yes || echo no)"
