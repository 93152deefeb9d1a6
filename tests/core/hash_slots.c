/*
** hash_slots.c — deadline_fast.c F6 and F7, white-box: the hash tables of
** deadline_ok()'s fast path give the 714 periods of 2000–2050 distinct
** slots, and their 612 months too; load_le64() (how fast_fill() makes the
** keys and the fast path reads the texts) puts byte 0 lowest whatever the
** machine's byte order; DAY_ORD orders as the days do over 2000–2050, and a
** month's first ordinal fits the 16 bits it is kept in. Built with
** deadline_fast.c included, so that its static parts are in reach.
*/
#include "../../ext/deadline_fast.c"
#include <stdio.h>

/* The reference: eight bytes, byte 0 lowest, one at a time. */
static uint64_t bytewise(const char *z) {
  uint64_t x = 0;
  int i;
  for (i = 7; i >= 0; i--) x = x << 8 | (unsigned char)z[i];
  return x;
}

int main(void) {
  static unsigned char usedP[HASH_SIZE], usedM[HASH_SIZE];
  int y, k, dn, nP = 0, nPSlots = 0, nM = 0, nMSlots = 0, nSame = 0;
  int nDays = 0, nOrdered = 0, nFit = 0;
  uint32_t prev = 0;
  for (y = LC_CAL_FIRST_YEAR; y <= LC_CAL_LAST_YEAR; y++) {
    for (k = 1; k <= 14; k++) {
      char z[9] = {0};
      uint64_t key;
      if (k <= 12)
        snprintf(z, sizeof z, "%04d-%02d", y, k);
      else
        snprintf(z, sizeof z, "%04d-H%d", y, k - 12);
      key = load_le64(z);
      nSame += bytewise(z) == key;
      nP++;
      if (!usedP[HASH_SLOT(key)]++) nPSlots++;
      if (k <= 12) {
        z[7] = '-';
        key = load_le64(z);
        nSame += bytewise(z) == key;
        nM++;
        if (!usedM[HASH_SLOT(key)]++) nMSlots++;
        nFit += DAY_ORD(y, k, 0) == (uint16_t)DAY_ORD(y, k, 0);
      }
    }
  }
  /* F7: every day of 2000–2050 after the one before */
  for (dn = lc_days_from_civil(LC_CAL_FIRST_YEAR, 1, 1);
       dn <= lc_days_from_civil(LC_CAL_LAST_YEAR, 12, 31); dn++) {
    int m, d;
    uint32_t ord;
    lc_civil_from_days(dn, &y, &m, &d);
    ord = DAY_ORD(y, m, d);
    nOrdered += nDays == 0 || ord > prev;
    nDays++;
    prev = ord;
  }
  printf("%d periods in %d slots, %d months in %d slots, %d keys as loaded\n",
         nP, nPSlots, nM, nMSlots, nSame);
  printf("%d days, %d in order; %d months' first ordinals fit 16 bits\n", nDays,
         nOrdered, nFit);
  return 0;
}
