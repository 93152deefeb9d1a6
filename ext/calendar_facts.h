/*
 * calendar_facts.h -- data only (no functions) for the learnclub calendar.
 *
 * Facts, not logic.  Every value below was checked against public sources;
 * see docs/calendar-sources.md for the full list, per fact, with addresses.
 *
 * Lunar table (lc_lunar_years), Korean calendar as published by KASI
 * (Korea Astronomy and Space Science Institute; the annual 월력요항 is now
 * issued by 우주항공청/KASA).  Cross-checked, 2000..2050, against:
 *   - npm korean-lunar-calendar 0.4.0 (bundled KASI table),
 *   - npm kor-lunar 1.4.0 (KASI data, refreshed 2025-05-20),
 *   - npm @fullstackfamily/manseryeok 1.0.8 (KASI-derived),
 *   - npm date-chinese (CalendarKorean: independent astronomical computation,
 *     UTC+9 meridian) -- agrees on every date except Chuseok 2033 (below),
 *   - python-holidays (vacanza/holidays) South Korea tests and its list of
 *     Korean-vs-Chinese overrides; date-holidays 3.37.0 (KR);
 *   - Korean Wikipedia "2033년 문제", 불교신문 2012-05-30 (via kbin.or.kr),
 *     매일신문 1997-01-14 (1997 Seollal), KASI 월력요항 press reports.
 * Where sources disagree, KASI wins.
 *
 * Korean (KASI) vs Chinese calendar, years where the dates differ
 * (Chinese dates from date-chinese CalendarChinese, UTC+8):
 *   Seollal  1997: KR 02-08, CN 02-07 (outside this table; new moon 00:06 KST)
 *   Buddha   2001: KR 05-01, CN 04-30
 *   Buddha   2012: KR 05-28, CN 04-28 (KR leap 3rd month, CN leap 4th month)
 *   Buddha   2023: KR 05-27, CN 05-26
 *   Seollal  2027: KR 02-07, CN 02-06
 *   Seollal  2028: KR 01-27, CN 01-26
 *   Chuseok  2040: KR 09-21, CN 09-20
 * Chuseok 2033 ("2033 problem"): KASI places the leap month as 윤11월, so
 *   Chuseok is 2033-09-08 (same as the official Chinese calendar).  Naive
 *   computations (date-chinese, and date-holidays which uses it) put a leap
 *   7th month and give 2033-10-07: wrong, KASI wins.
 * 설날 전날 (last day of lunar month 12) is always the day before seol_m/seol_d;
 * 추석 전날/다음날 are chuseok -1/+1; 설날 다음날 is seol +1.
 * Only ordinary (non-leap) lunar months count: 윤4월 8일 is not Buddha's Birthday.
 */
#ifndef LEARNCLUB_CALENDAR_FACTS_H
#define LEARNCLUB_CALENDAR_FACTS_H

/* One row per year 2000..2050: Gregorian month/day of lunar 1/1 (설날), 4/8 (부처님오신날), 8/15 (추석) in the Korean (KASI) calendar. */
static const struct lc_lunar_year {
  short year;
  unsigned char seol_m, seol_d, buddha_m, buddha_d, chuseok_m, chuseok_d;
} lc_lunar_years[] = {
  {2000, 2, 5, 5, 11, 9, 12},
  {2001, 1, 24, 5, 1, 10, 1},
  {2002, 2, 12, 5, 19, 9, 21},
  {2003, 2, 1, 5, 8, 9, 11},
  {2004, 1, 22, 5, 26, 9, 28},
  {2005, 2, 9, 5, 15, 9, 18},
  {2006, 1, 29, 5, 5, 10, 6},
  {2007, 2, 18, 5, 24, 9, 25},
  {2008, 2, 7, 5, 12, 9, 14},
  {2009, 1, 26, 5, 2, 10, 3},
  {2010, 2, 14, 5, 21, 9, 22},
  {2011, 2, 3, 5, 10, 9, 12},
  {2012, 1, 23, 5, 28, 9, 30},
  {2013, 2, 10, 5, 17, 9, 19},
  {2014, 1, 31, 5, 6, 9, 8},
  {2015, 2, 19, 5, 25, 9, 27},
  {2016, 2, 8, 5, 14, 9, 15},
  {2017, 1, 28, 5, 3, 10, 4},
  {2018, 2, 16, 5, 22, 9, 24},
  {2019, 2, 5, 5, 12, 9, 13},
  {2020, 1, 25, 4, 30, 10, 1},
  {2021, 2, 12, 5, 19, 9, 21},
  {2022, 2, 1, 5, 8, 9, 10},
  {2023, 1, 22, 5, 27, 9, 29},
  {2024, 2, 10, 5, 15, 9, 17},
  {2025, 1, 29, 5, 5, 10, 6},
  {2026, 2, 17, 5, 24, 9, 25},
  {2027, 2, 7, 5, 13, 9, 15},
  {2028, 1, 27, 5, 2, 10, 3},
  {2029, 2, 13, 5, 20, 9, 22},
  {2030, 2, 3, 5, 9, 9, 12},
  {2031, 1, 23, 5, 28, 10, 1},
  {2032, 2, 11, 5, 16, 9, 19},
  {2033, 1, 31, 5, 6, 9, 8},
  {2034, 2, 19, 5, 25, 9, 27},
  {2035, 2, 8, 5, 15, 9, 16},
  {2036, 1, 28, 5, 3, 10, 4},
  {2037, 2, 15, 5, 22, 9, 24},
  {2038, 2, 4, 5, 11, 9, 13},
  {2039, 1, 24, 4, 30, 10, 2},
  {2040, 2, 12, 5, 18, 9, 21},
  {2041, 2, 1, 5, 7, 9, 10},
  {2042, 1, 22, 5, 26, 9, 28},
  {2043, 2, 10, 5, 16, 9, 17},
  {2044, 1, 30, 5, 5, 10, 5},
  {2045, 2, 17, 5, 24, 9, 25},
  {2046, 2, 6, 5, 13, 9, 15},
  {2047, 1, 26, 5, 2, 10, 4},
  {2048, 2, 14, 5, 20, 9, 22},
  {2049, 2, 2, 5, 9, 9, 11},
  {2050, 1, 23, 5, 28, 9, 30},
};

/*
 * Election days and temporary holidays, in date order, 2000 to the latest
 * declared (as of the sources read: 2026-08).
 *
 * Elections: 임기만료 elections under 공직선거법 제34조 are holidays by
 * 관공서의 공휴일에 관한 규정 제2조 (before Sept 2006 they were declared one by
 * one as temporary holidays; the dates are the same).  The two presidential
 * elections held after a vacancy (2017-05-09, 2025-06-03) are not 임기만료
 * elections: the cabinet designated each as a 임시공휴일 (KASI's 2025 data
 * names it "임시공휴일(대통령선거)").  They are listed here as "election" by
 * their official name.
 * Not listed (never government-office holidays nationwide): by-elections,
 * 2005-11-18 (Busan only, APEC), 2017-12-20 (originally scheduled 19th
 * presidential election, superseded by 2017-05-09).
 * Not listed because they are fixed-date rules, not dated days: 노동절 (5/1)
 * and 제헌절 (7/17) are public holidays again from 2026 under the 2026
 * amendments of 공휴일에 관한 법률 (see docs/calendar-sources.md, KR5).
 */
static const struct lc_dated_holiday {
  const char *date;   /* YYYY-MM-DD */
  const char *name;   /* Korean */
  const char *kind;   /* "election" or "temporary" */
} lc_dated_holidays[] = {
  {"2000-04-13", "제16대 국회의원 선거", "election"},
  {"2002-06-13", "제3회 전국동시지방선거", "election"},
  {"2002-07-01", "임시공휴일", "temporary"},       /* 2002 World Cup semi-final */
  {"2002-12-19", "제16대 대통령 선거", "election"},
  {"2004-04-15", "제17대 국회의원 선거", "election"},
  {"2006-05-31", "제4회 전국동시지방선거", "election"},
  {"2007-12-19", "제17대 대통령 선거", "election"},
  {"2008-04-09", "제18대 국회의원 선거", "election"},
  {"2010-06-02", "제5회 전국동시지방선거", "election"},
  {"2012-04-11", "제19대 국회의원 선거", "election"},
  {"2012-12-19", "제18대 대통령 선거", "election"},
  {"2014-06-04", "제6회 전국동시지방선거", "election"},
  {"2015-08-14", "임시공휴일", "temporary"},       /* 70th anniversary of liberation */
  {"2016-04-13", "제20대 국회의원 선거", "election"},
  {"2016-05-06", "임시공휴일", "temporary"},       /* bridge day after Children's Day */
  {"2017-05-09", "제19대 대통령 선거", "election"}, /* designated 임시공휴일 2017-03-15 */
  {"2017-10-02", "임시공휴일", "temporary"},       /* 10-day Chuseok break */
  {"2018-06-13", "제7회 전국동시지방선거", "election"},
  {"2020-04-15", "제21대 국회의원 선거", "election"},
  {"2020-08-17", "임시공휴일", "temporary"},
  {"2022-03-09", "제20대 대통령 선거", "election"},
  {"2022-06-01", "제8회 전국동시지방선거", "election"},
  {"2023-10-02", "임시공휴일", "temporary"},
  {"2024-04-10", "제22대 국회의원 선거", "election"},
  {"2024-10-01", "임시공휴일", "temporary"},       /* 국군의 날 */
  {"2025-01-27", "임시공휴일", "temporary"},       /* before Seollal */
  {"2025-06-03", "제21대 대통령 선거", "election"}, /* designated 임시공휴일 */
  {"2026-06-03", "제9회 전국동시지방선거", "election"},
};

/*
 * Terms that end on a known day, from which 공직선거법 제34조 schedules the
 * elections of 2028-2050 (calendar.c C10; docs/calendar-sources.md §5).
 * Art. 34 (1): the election held when a term ends is on the first Wednesday
 * on or after the day `before` days before the term's last day: the
 * president 70, the National Assembly 50, local councils and heads 30.
 * The terms, as they stand (as of the sources read: 2026-08):
 *   - the 22nd National Assembly sits 2024-05-30 to 2028-05-29, and each
 *     Assembly 4 years (헌법 제42조);
 *   - the 21st president, elected 2025-06-03 after a vacancy, took office on
 *     2025-06-04 for 5 years, to 2030-06-03 (헌법 제70조); a successor's
 *     term begins the day after (공직선거법 제14조), so terms end on 06-03
 *     every 5 years;
 *   - the councils and heads elected 2026-06-03 (the 9th local elections)
 *     serve 2026-07-01 to 2030-06-30, 4 years each.
 * `first` is the number of the first election scheduled from them.
 */
static const struct lc_term {
  short end_y;                /* the last day of the first term that ends */
  unsigned char end_m, end_d; /* (later terms end on the same day) */
  unsigned char every;        /* years between term ends */
  unsigned char before;       /* art. 34 (1): days before the term's end */
  unsigned char first;        /* the number of that first election */
  const char *fmt;            /* its name, with the number */
} lc_terms[] = {
  {2028, 5, 29, 4, 50, 23, "제%d대 국회의원 선거"},
  {2030, 6, 3, 5, 70, 22, "제%d대 대통령 선거"},
  {2030, 6, 30, 4, 30, 10, "제%d회 전국동시지방선거"},
};

#endif /* LEARNCLUB_CALENDAR_FACTS_H */
