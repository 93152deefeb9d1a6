/*
** fsync_fail.c — preloaded by tests/cli/commit.sh: every fsync and fdatasync
** fails with EIO, as a failing disk would, so that a COMMIT and the writing
** of an output file meet an I/O error (issue 13: D4, F1).
*/
#define _GNU_SOURCE
#include <errno.h>

int fsync(int fd);
int fdatasync(int fd);

int fsync(int fd) {
  (void)fd;
  errno = EIO;
  return -1;
}

int fdatasync(int fd) {
  (void)fd;
  errno = EIO;
  return -1;
}
