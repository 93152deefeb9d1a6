/*
** cal_build.c — calendar.c, white-box (issue 12): the built-in calendar's
** holiday array is sized from the data and never written past its end.
** Built with calendar.c included, so that its static parts are in reach.
** Prints what tests/calendar/cal_build.sh checks.
*/
#include "../../ext/calendar.c"
#include <stdio.h>

int main(void) {
  hol_list l = {0, 0, 0};
  lc_hol a[4];
  lc_cal *p;
  int y, most = 0, mostYear = 0, nBase, i, sorted = 1, inRange = 1;
  /* the most base holidays a year has: 16 a year was the old room */
  for (y = LC_CAL_FIRST_YEAR; y <= LC_CAL_LAST_YEAR; y++) {
    l.n = 0;
    base_holidays(&l, y);
    if (l.n > most) {
      most = l.n;
      mostYear = y;
    }
  }
  printf("most base holidays in a year: %d (%d)\n", most, mostYear);
  /* a list of room 3 counts every holiday and writes 3; a[3] is untouched */
  memset(a, 0x5A, sizeof a);
  l.a = a;
  l.n = 0;
  l.nMax = 3;
  base_holidays(&l, 2026);
  printf("room 3: counted %d, written within room: %s\n", l.n,
         ((unsigned char *)&a[3])[0] == 0x5A && a[2].dn == lc_days_from_civil(2026, 2, 17) ? "yes" : "no");
  /* the whole calendar: room from the count, every holiday stored */
  l.a = 0;
  l.n = 0;
  l.nMax = 0;
  all_base_holidays(&l);
  scheduled_elections(&l, 0, lc_days_from_civil(LC_CAL_FIRST_YEAR, 1, 1),
                      lc_days_from_civil(LC_CAL_LAST_YEAR, 12, 31), 0); /* C10 */
  nBase = l.n;
  p = lc_state_new(sizeof(lc_cal), cal_free);
  if (!p || cal_build(p) != SQLITE_OK) {
    printf("cal_build failed\n");
    return 1;
  }
  for (i = 1; i < p->nHol; i++) sorted &= p->aHol[i - 1].dn <= p->aHol[i].dn;
  for (i = 0; i < p->nHol; i++) inRange &= p->aHol[i].dn >= p->firstDn && p->aHol[i].dn <= p->lastDn;
  printf("base holidays %d, room %d, stored %d, sorted %s, in range %s\n", nBase,
         2 * nBase, p->nHol, sorted ? "yes" : "no", inRange ? "yes" : "no");
  lc_state_unref(p);
  return 0;
}
