/*
** hash_slots.c — deadlines.c R8, white-box: the hash table of deadline_ok()'s
** fast path puts the 714 periods of 2000–2050 (and so their months) in
** distinct slots, and hash_key() is what loading the period's text gives.
** Built with deadlines.c included, so that its static parts are in reach.
*/
#include "../../ext/deadlines.c"
#include <stdio.h>

int main(void) {
  static unsigned char used[1 << HASH_BITS];
  int y, k, nKeys = 0, nSlots = 0, nSame = 0;
  for (y = LC_CAL_FIRST_YEAR; y <= LC_CAL_LAST_YEAR; y++) {
    for (k = 1; k <= 14; k++) {
      char z[9];
      uint64_t key = hash_key(y, k);
      unsigned slot = HASH_SLOT(key);
      if (k <= 12)
        snprintf(z, sizeof z, "%04d-%02d-", y, k);
      else
        snprintf(z, sizeof z, "%04d-H%d-", y, k - 12);
      nSame += load_le64(z) == key;
      nKeys++;
      if (!used[slot]++) nSlots++;
    }
  }
  printf("%d keys, %d slots, %d as loaded\n", nKeys, nSlots, nSame);
  return 0;
}
