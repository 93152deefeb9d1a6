/*
** cli/xlsx.c — `--format xlsx --output FILE` (issue 16): a command's result
** as an Excel workbook, written with Debian's libxlsxwriter.
**
** X1. Cells are typed by the SQLite value, as in JSON (output.c O4): an
**     integer or a real is a number (an integer beyond ±2^53, which a number
**     cell cannot hold exactly, stays text); NULL is an empty cell; text is
**     a string cell, always (worksheet_write_string: never a formula, so
**     "=1+1" stays the text "=1+1"), except text that is a date YYYY-MM-DD
**     (a calendar day after 1900, args.c lc_valid_date), which is a date
**     cell shown yyyy-mm-dd, and a date-time "YYYY-MM-DD HH:MM[:SS]", a
**     date-time cell shown the same way. Text that is not valid UTF-8 is
**     shown with U+FFFD (T1); a control character is kept (libxlsxwriter
**     writes it escaped, as the format wants).
** X2. Row 1 holds the headers: each column's Korean label (X5), bold, frozen
**     in place. Each column is as wide as its widest value as shown (Korean
**     counts two: lc_display_width, T3) plus 2, at least 6 and at most 60.
** X3. The workbook's properties say where it comes from: title, the
**     command line ("learnclub hours DB 2015-H1 --format xlsx --output
**     F"); subject, the database as given; comments, "as of YYYY-MM-DD"
**     (the --as-of date, else today in Korean time).
** X4. One sheet per result, named by its context (the command, "list KIND")
**     unless lc_xbook_sheet names it; a command may add sheets
**     (lc_xbook_sheet before another script: evaluate's 심사표).
** X5. The column labels (issue 16: General Affairs reads 직번, 성명, 소속,
**     기간, 인정시간, 교육학습 유형) live in aLabel below, the one home of
**     them: a label for a column in one context ("hours", "list
**     indicators") comes first, then the column's label anywhere; a column
**     without one keeps its name.
** X6. The file is written atomically (files.c F4): the library writes to a
**     new hidden file in the target's folder, which is synced and renamed
**     over FILE; a failure removes it and leaves FILE as it was.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "cli.h"

/* X5: column → Korean label; zWhere 0 for every context. */
static const struct {
  const char *zWhere, *zColumn, *zLabel;
} aLabel[] = {
    /* hours: the file General Affairs (총무과) records (issue 16) */
    {"hours", "hours", "인정시간"},
    {"hours", "uncapped_hours", "상한 적용 전 시간"},
    {0, "emp_no", "직번"},
    {0, "name", "성명"},
    {0, "unit", "소속"},
    {0, "half_year", "기간"},
    {0, "education_type", "교육학습 유형"},
    /* names that mean something else in one context */
    {"list programs", "name", "사업명"},
    {"program-show", "name", "사업명"},
    {"program-show", "code", "사업 코드"},
    {"program-show", "outsiders", "외부인 구분"},
    {"list programs", "code", "사업 코드"},
    {"list overrides", "name", "명칭"},
    {"list indicators", "unit", "단위"},
    {"list meetings", "hours", "모임 시간"},
    {"evaluate", "report", "연구보고서"},
    {"evaluate", "score", "점수(절사평균)"},
    {"evaluate", "tie_break", "동점 기준 점수(절사평균)"},
    {"evaluate", "judges", "심사위원 수"},
    {"evaluate", "set_aside", "제외된 심사표 수"}, /* EV9 (issue 15) */
    /* evaluate's 심사표 (sql/evaluate-sheet.sql) */
    {"evaluate", "judge", "심사위원"},
    {"evaluate", "total", "심사위원 합계"},
    {"evaluate", "excluded", "제외 사유"},
    {"evaluate", "weight", "심사단 가중치"},
    {"evaluate", "panel_mean", "심사단 평균(절사)"},
    {"evaluate", "tie_break_total", "동점 기준 항목 점수"},
    {"evaluate", "tie_break_excluded", "동점 기준 제외 사유"},
    /* every other column, anywhere */
    {0, "achieved", "실적"},
    {0, "achieved_cum", "누적 실적"},
    {0, "achieved_on", "달성일"},
    {0, "adopted", "채택"},
    {0, "amount", "금액"},
    {0, "applications", "신청 수"},
    {0, "arguments", "인수"},
    {0, "at", "일시"},
    {0, "attendees", "참석자"},
    {0, "award_scheme", "시상 체계"},
    {0, "board_ref", "게시판 번호"},
    {0, "bureau", "소관 국"},
    {0, "changes", "변경 내용"},
    {0, "check", "점검"},
    {0, "city", "시비"},
    {0, "closes_on", "공모 마감일"},
    {0, "club", "동아리"},
    {0, "clubs", "동아리 수"},
    {0, "code", "코드"},
    {0, "command", "명령"},
    {0, "completion", "이행률"},
    {0, "criterion", "심사 항목"},
    {0, "day", "날짜"},
    {0, "decided_on", "결정일"},
    {0, "department", "담당 부서"},
    {0, "drop_high", "최고점 제외 수"},
    {0, "drop_low", "최저점 제외 수"},
    {0, "due", "기한"},
    {0, "email", "이메일"},
    {0, "ends_on", "종료일"},
    {0, "executed", "집행액"},
    {0, "field", "분야"},
    {0, "held_on", "개최일"},
    {0, "hours", "시간"},
    {0, "hours_cap", "인정시간 상한"},
    {0, "id", "번호"},
    {0, "incentive", "인센티브"},
    {0, "indicator", "지표"},
    {0, "indicators", "지표 수"},
    {0, "is_holiday", "휴일 여부"},
    {0, "item", "항목"},
    {0, "joined_on", "가입일"},
    {0, "judge", "심사위원"},
    {0, "judges", "심사위원 수"},
    {0, "judges_min", "최소 심사위원 수"},
    {0, "kind", "구분"},
    {0, "leader", "대표"},
    {0, "leave_tiers", "특별휴가 기준"},
    {0, "left_on", "탈퇴일"},
    {0, "max_members", "최대 인원"},
    {0, "max_share", "외부인 비율 상한"},
    {0, "max_teams", "최대 팀 수"},
    {0, "meeting", "정기모임"},
    {0, "members", "회원 수"},
    {0, "min_teams", "최소 팀 수"},
    {0, "national", "국비"},
    {0, "note", "비고"},
    {0, "office", "기관"},
    {0, "opens_on", "공모 시작일"},
    {0, "other", "기타"},
    {0, "outcome", "결과"},
    {0, "outsider_pct", "외부인 비율 상한(%)"},
    {0, "outsider_share", "외부인 비율"},
    {0, "outsiders", "외부인 수"},
    {0, "participants", "참여자 수"},
    {0, "pending", "미결"},
    {0, "percent", "백분율"},
    {0, "period", "기간"},
    {0, "phone", "전화번호"},
    {0, "place", "위원회 순위"},
    {0, "plan", "계획"},
    {0, "planned", "계획액"},
    {0, "pledge", "공약"},
    {0, "points", "점수"},
    {0, "president", "회장"},
    {0, "prize", "시상금"},
    {0, "problem", "문제"},
    {0, "program", "사업"},
    {0, "proposals", "제안 수"},
    {0, "province", "도비"},
    {0, "rank", "순위"},
    {0, "rate", "비율"},
    {0, "reason", "사유"},
    {0, "report", "보고서"},
    {0, "report_rule", "보고 기한 규칙"},
    {0, "reports_from", "보고 시작월"},
    {0, "reports_to", "보고 종료월"},
    {0, "role", "역할"},
    {0, "round", "차수"},
    {0, "row", "구분"},
    {0, "runs", "운영 횟수"},
    {0, "score", "점수"},
    {0, "section", "부문"},
    {0, "seq", "순번"},
    {0, "size", "인원"},
    {0, "source", "재원"},
    {0, "spent_on", "지출일"},
    {0, "starts_on", "시작일"},
    {0, "status", "상태"},
    {0, "submitted", "제출일"},
    {0, "submitted_at", "제출 일시"},
    {0, "table", "테이블"},
    {0, "tables", "테이블"},
    {0, "target", "목표"},
    {0, "target_cum", "누적 목표"},
    {0, "team", "팀"},
    {0, "teams", "팀 수"},
    {0, "tie_break", "동점 기준"},
    {0, "tier", "등급"},
    {0, "title", "제목"},
    {0, "topic", "주제"},
    {0, "total_budget", "총사업비"},
    {0, "trip_tiers", "해외연수 기준"},
    {0, "user", "사용자"},
    {0, "value", "값"},
    {0, "weight", "가중치"},
    {0, "withdrawn_on", "중도 포기일"},
    {0, "year", "연도"},
    /* issue 15's columns */
    {0, "track", "부문"},
    {0, "stage", "단계"},
    {0, "panel", "심사단"},
    {0, "judge_emp_no", "심사위원 직번"},
    {0, "panel_weights", "심사단 가중치"},
    {0, "finalists", "본선 진출 수"},
    {0, "criteria", "심사 항목"},
    {0, "incentives", "인센티브 기준"},
    {0, "allocation", "지원금 배정액"},
    {0, "min_members", "최소 인원"},
    {0, "clubs_per_person", "1인당 동아리 수"},
    {0, "max_from_one_unit", "한 부서 최대 인원"},
    {0, "regular_per_month", "월 정기모임 수"},
    {0, "hours_cap_year", "연간 인정시간 상한"},
    {0, "hours_per_meeting_cap", "모임당 인정시간 상한"},
    {0, "hours_shared_cap", "인정시간 상한 공유"},
};

const char *lc_label(const char *zContext, const char *zColumn) {
  size_t i;
  for (i = 0; i < sizeof(aLabel) / sizeof(aLabel[0]); i++)
    if (aLabel[i].zWhere && zContext && strcmp(aLabel[i].zWhere, zContext) == 0 &&
        strcmp(aLabel[i].zColumn, zColumn) == 0)
      return aLabel[i].zLabel;
  for (i = 0; i < sizeof(aLabel) / sizeof(aLabel[0]); i++)
    if (!aLabel[i].zWhere && strcmp(aLabel[i].zColumn, zColumn) == 0) return aLabel[i].zLabel;
  return zColumn;
}

enum { XC_NULL, XC_NUMBER, XC_TEXT, XC_DATE, XC_DATETIME };

typedef struct xcell {
  int t;
  double r;
  char *z; /* text: cleaned UTF-8; date: as written */
} xcell;

typedef struct xsheet {
  char *zName;
  int nCol;
  char **azCol; /* the column names (labels looked up when written) */
  xcell *a;
  size_t n, nAlloc;
} xsheet;

struct lc_xbook {
  xsheet *aSheet;
  int nSheet;
  char *zContext; /* X4, X5 */
  char *zNext;    /* the name of the next sheet (lc_xbook_sheet) */
  int bOpen;      /* the last sheet has its header */
};

static char *dup(const char *z) {
  lc_buf b = {0};
  lc_buf_str(&b, z);
  return b.z;
}

lc_xbook *lc_xbook_new(const char *zContext) {
  lc_xbook *x = calloc(1, sizeof(*x));
  if (!x) lc_fail("out of memory");
  x->zContext = dup(zContext);
  return x;
}

void lc_xbook_context(lc_xbook *x, const char *zContext) {
  free(x->zContext);
  x->zContext = dup(zContext);
}

void lc_xbook_sheet(lc_xbook *x, const char *zName) {
  free(x->zNext);
  x->zNext = dup(zName);
  x->bOpen = 0;
}

/* X4: the header of the first statement of a sheet; later statements of the
** same sheet add rows under it (as the table writer does, O2). */
void lc_xbook_begin(lc_xbook *x, sqlite3_stmt *p) {
  xsheet *s;
  int i;
  if (x->bOpen) return;
  s = realloc(x->aSheet, (size_t)(x->nSheet + 1) * sizeof(xsheet));
  if (!s) lc_fail("out of memory");
  x->aSheet = s;
  s = &x->aSheet[x->nSheet++];
  memset(s, 0, sizeof(*s));
  s->zName = x->zNext ? x->zNext : dup(x->zContext);
  x->zNext = 0;
  s->nCol = sqlite3_column_count(p);
  s->azCol = calloc((size_t)s->nCol + 1, sizeof(char *));
  if (!s->azCol) lc_fail("out of memory");
  for (i = 0; i < s->nCol; i++) {
    const char *z = sqlite3_column_name(p, i);
    s->azCol[i] = dup(z ? z : "");
  }
  x->bOpen = 1;
}

static int two(const char *z) { return (z[0] >= '0' && z[0] <= '9' && z[1] >= '0' && z[1] <= '9') ? (z[0] - '0') * 10 + (z[1] - '0') : -1; }

/* X1: 10 a date, 16 or 19 a date-time, 0 neither. */
static int date_kind(const char *z, size_t n) {
  char zDay[11];
  if (n != 10 && n != 16 && n != 19) return 0;
  memcpy(zDay, z, 10), zDay[10] = 0;
  if (!lc_valid_date(zDay) || atoi(zDay) <= 1900) return 0;
  if (n == 10) return 10;
  if (z[10] != ' ' || two(z + 11) < 0 || two(z + 11) > 23 || z[13] != ':' || two(z + 14) < 0 ||
      two(z + 14) > 59)
    return 0;
  if (n == 19 && (z[16] != ':' || two(z + 17) < 0 || two(z + 17) > 59)) return 0;
  return (int)n;
}

void lc_xbook_row(lc_xbook *x, sqlite3_stmt *p) {
  xsheet *s;
  int i;
  if (!x->bOpen) return; /* rows come after their header (db.c) */
  s = &x->aSheet[x->nSheet - 1];
  if (s->n + (size_t)s->nCol > s->nAlloc) {
    size_t nNew = s->nAlloc ? s->nAlloc * 2 : 64;
    xcell *a;
    while (nNew < s->n + (size_t)s->nCol) nNew *= 2;
    a = realloc(s->a, nNew * sizeof(xcell));
    if (!a) lc_fail("out of memory");
    s->a = a, s->nAlloc = nNew;
  }
  for (i = 0; i < s->nCol; i++) {
    xcell *c = &s->a[s->n++];
    int t = i < sqlite3_column_count(p) ? sqlite3_column_type(p, i) : SQLITE_NULL;
    memset(c, 0, sizeof(*c));
    if (t == SQLITE_INTEGER) {
      sqlite3_int64 v = sqlite3_column_int64(p, i);
      if (v <= 9007199254740992LL && v >= -9007199254740992LL) {
        c->t = XC_NUMBER, c->r = (double)v;
        continue;
      }
    } else if (t == SQLITE_FLOAT) {
      c->t = XC_NUMBER, c->r = sqlite3_column_double(p, i);
      continue;
    } else if (t == SQLITE_NULL) {
      continue;
    }
    {
      const char *z = (const char *)sqlite3_column_text(p, i);
      size_t n = z ? (size_t)sqlite3_column_bytes(p, i) : 0;
      lc_buf b = {0};
      lc_buf_clean(&b, z ? z : "", n, 0); /* T1 */
      if (!b.z) lc_buf_add(&b, "", 0);
      c->z = b.z;
      c->t = date_kind(b.z, b.n) == 10 ? XC_DATE : date_kind(b.z, b.n) ? XC_DATETIME : XC_TEXT;
    }
  }
}

/* X2: what a cell shows, for its width. */
static size_t shown_width(const xcell *c) {
  char z[64];
  if (c->t == XC_NULL) return 0;
  if (c->t == XC_NUMBER) return (size_t)snprintf(z, sizeof(z), "%.15g", c->r);
  return lc_display_width(c->z, strlen(c->z));
}

/* The failure after the temporary file exists: it goes, FILE stays. zWhere
** says which cell, when a cell was refused. */
static void give_up(const char *zTmp, const char *zFile, lxw_error e, const char *zWhere) {
  lc_buf b = {0};
  lc_drop_temp(zTmp);
  if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED && zWhere) {
    lc_buf_printf(&b, "the text of %s is longer than a cell holds (32767 characters)", zWhere);
  } else {
    lc_buf_str(&b, lxw_strerror(e));
    while (b.n > 0 && b.z[b.n - 1] == '.') b.z[--b.n] = 0; /* the library's own full stop */
  }
  lc_fail("cannot write '%s': %s; it was left as it was", zFile, b.z);
}

void lc_xbook_write(lc_xbook *x, const char *zFile, const char *zTitle, const char *zSubject,
                    const char *zComments) {
  char *zTmp = lc_temp_file(zFile); /* X6, F4 */
  lxw_workbook *wb = workbook_new(zTmp);
  lxw_format *fHead, *fDate, *fTime, *fSec;
  lxw_doc_properties props;
  lxw_error e = LXW_NO_ERROR;
  lc_buf where = {0}; /* the cell refused, for the message */
  int k;
  if (!wb) {
    lc_drop_temp(zTmp);
    lc_fail("cannot write '%s': the workbook could not be started; it was left as it was", zFile);
  }
  memset(&props, 0, sizeof(props));
  props.title = (char *)zTitle, props.subject = (char *)zSubject;
  props.comments = (char *)zComments; /* X3 */
  fHead = workbook_add_format(wb);
  fDate = workbook_add_format(wb);
  fTime = workbook_add_format(wb);
  fSec = workbook_add_format(wb);
  if (!fHead || !fDate || !fTime || !fSec) e = LXW_ERROR_MEMORY_MALLOC_FAILED;
  if (!e) {
    format_set_bold(fHead);
    format_set_num_format(fDate, "yyyy-mm-dd");
    format_set_num_format(fTime, "yyyy-mm-dd hh:mm");
    format_set_num_format(fSec, "yyyy-mm-dd hh:mm:ss");
    e = workbook_set_properties(wb, &props);
  }
  if (x->nSheet == 0 && !e) { /* a script without a result: one empty sheet */
    if (!workbook_add_worksheet(wb, x->zContext)) e = LXW_ERROR_MEMORY_MALLOC_FAILED;
  }
  for (k = 0; k < x->nSheet && !e; k++) {
    xsheet *s = &x->aSheet[k];
    lxw_worksheet *ws = workbook_add_worksheet(wb, s->zName);
    size_t nRow = s->nCol ? s->n / (size_t)s->nCol : 0, r;
    int i;
    if (!ws) {
      e = LXW_ERROR_MEMORY_MALLOC_FAILED;
      break;
    }
    for (i = 0; i < s->nCol && !e; i++) {
      const char *zLabel = lc_label(x->zContext, s->azCol[i]);
      size_t w = lc_display_width(zLabel, strlen(zLabel));
      e = worksheet_write_string(ws, 0, (lxw_col_t)i, zLabel, fHead); /* X2 */
      for (r = 0; r < nRow; r++) {
        size_t d = shown_width(&s->a[r * (size_t)s->nCol + (size_t)i]);
        if (d > w) w = d;
      }
      w += 2;
      if (w < 6) w = 6;
      if (w > 60) w = 60;
      if (!e) e = worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, (double)w, 0);
    }
    for (r = 0; r < nRow && !e; r++)
      for (i = 0; i < s->nCol && !e; i++) {
        const xcell *c = &s->a[r * (size_t)s->nCol + (size_t)i];
        lxw_row_t row = (lxw_row_t)(r + 1);
        if (c->t == XC_NUMBER) e = worksheet_write_number(ws, row, (lxw_col_t)i, c->r, 0);
        else if (c->t == XC_TEXT) e = worksheet_write_string(ws, row, (lxw_col_t)i, c->z, 0);
        else if (c->t == XC_DATE || c->t == XC_DATETIME) {
          lxw_datetime dt;
          size_t n = strlen(c->z);
          memset(&dt, 0, sizeof(dt));
          dt.year = atoi(c->z), dt.month = two(c->z + 5), dt.day = two(c->z + 8);
          if (n >= 16) dt.hour = two(c->z + 11), dt.min = two(c->z + 14);
          if (n == 19) dt.sec = two(c->z + 17);
          e = worksheet_write_datetime(ws, row, (lxw_col_t)i, &dt,
                                       n == 10 ? fDate : n == 16 ? fTime : fSec);
        }
        if (e) lc_buf_printf(&where, "sheet '%s', row %zu, column %s", s->zName, r + 2, s->azCol[i]);
      }
    if (!e) worksheet_freeze_panes(ws, 1, 0); /* X2 */
  }
  if (e) {
    workbook_close(wb); /* frees it; the half-written file is dropped */
    give_up(zTmp, zFile, e, where.z);
  }
  e = workbook_close(wb);
  if (e) give_up(zTmp, zFile, e, 0);
  lc_put_file(zTmp, zFile); /* X6 */
  free(zTmp);
}

void lc_xbook_free(lc_xbook *x) {
  int k, i;
  size_t j;
  if (!x) return;
  for (k = 0; k < x->nSheet; k++) {
    xsheet *s = &x->aSheet[k];
    for (i = 0; i < s->nCol; i++) free(s->azCol[i]);
    for (j = 0; j < s->n; j++) free(s->a[j].z);
    free(s->azCol), free(s->a), free(s->zName);
  }
  free(x->aSheet), free(x->zContext), free(x->zNext);
  free(x);
}
