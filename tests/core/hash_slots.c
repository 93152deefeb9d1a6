/*
** hash_slots.c — deadlines.c R8, white-box: deadline_ok()'s hash tables
** give the 714 periods of 2000–2050 distinct slots, and their 612 months
** too, and load_le64() (how fast_fill() makes the keys and the fast path
** reads the texts) puts byte 0 lowest whatever the machine's byte order.
** Built with deadlines.c included, so that its static parts are in reach.
*/
#include "../../ext/deadlines.c"
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
  int y, k, nP = 0, nPSlots = 0, nM = 0, nMSlots = 0, nSame = 0;
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
      }
    }
  }
  printf("%d periods in %d slots, %d months in %d slots, %d keys as loaded\n", nP,
         nPSlots, nM, nMSlots, nSame);
  return 0;
}
