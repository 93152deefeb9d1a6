/*
** cli/files.c — the files the command writes: the HTML report and backups.
**
** F1. An output file is written to a new file in the target's folder (an
**     unnamed O_TMPFILE where the file system has them, so a killed command
**     leaves nothing behind: L14), synced, then put in place by one rename
**     or link. A failure leaves the old file as it was (H3, H4).
** F2. Without overwrite (a backup) the file is linked into place, which
**     fails when the name exists: of two backups at once to one name, one
**     writes and the other is refused (L5).
** F4. (issue 16) For a library that writes to a file name (libxlsxwriter):
**     lc_temp_file makes a new hidden file in the target's folder (O_EXCL,
**     so it is ours), the library writes it, lc_put_file syncs it and
**     renames it over the target (F1); a failure removes it. A killed
**     command may leave that hidden file (.learnclub-PID-N) behind.
** F3. No output file may be the database, its -wal, -shm or -journal file,
**     or any SQLite database (H2, L15): refused with exit 2.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

char *lc_dirname(const char *zPath) {
  lc_buf b = {0};
  size_t n = strlen(zPath);
  while (n > 1 && zPath[n - 1] == '/') n--;
  while (n > 0 && zPath[n - 1] != '/') n--;
  if (n == 0) {
    lc_buf_str(&b, ".");
    return b.z;
  }
  while (n > 1 && zPath[n - 1] == '/') n--;
  lc_buf_add(&b, zPath, n);
  return b.z;
}

static const char *base_name(const char *zPath, size_t *pn) {
  size_t n = strlen(zPath), e;
  while (n > 1 && zPath[n - 1] == '/') n--;
  e = n;
  while (n > 0 && zPath[n - 1] != '/') n--;
  *pn = e - n;
  return zPath + n;
}

/* The absolute path of zPath with its folder's links resolved, or 0. */
static char *canonical(const char *zPath) {
  char zReal[PATH_MAX], *zDir;
  lc_buf b = {0};
  const char *zBase;
  size_t nBase;
  if (realpath(zPath, zReal)) {
    lc_buf_str(&b, zReal);
    return b.z;
  }
  zDir = lc_dirname(zPath);
  if (!realpath(zDir, zReal)) {
    free(zDir);
    return 0;
  }
  free(zDir);
  zBase = base_name(zPath, &nBase);
  lc_buf_str(&b, zReal);
  if (b.n == 0 || b.z[b.n - 1] != '/') lc_buf_str(&b, "/");
  lc_buf_add(&b, zBase, nBase);
  return b.z;
}

void lc_check_output_folder(const char *zFile) {
  struct stat st;
  char *zDir = lc_dirname(zFile);
  if (stat(zDir, &st) != 0 || !S_ISDIR(st.st_mode))
    lc_fail("folder '%s' of '%s' does not exist", zDir, zFile);
  if (access(zDir, W_OK) != 0) lc_fail("folder '%s' of '%s' is not writable", zDir, zFile);
  if (stat(zFile, &st) == 0 && !S_ISREG(st.st_mode)) lc_fail("'%s' is not a file", zFile);
  free(zDir);
}

void lc_check_output(const char *zFile, const char *zDb, int bAnyDb) {
  static const char *const azSuffix[] = {"", "-wal", "-shm", "-journal"};
  char *zF = canonical(zFile), *zD = canonical(zDb);
  struct stat sf, sd;
  size_t i;
  int fd;
  if (zF && zD) {
    for (i = 0; i < sizeof(azSuffix) / sizeof(azSuffix[0]); i++) {
      size_t nD = strlen(zD);
      if (strncmp(zF, zD, nD) == 0 && strcmp(zF + nD, azSuffix[i]) == 0)
        lc_fail("'%s' is the database '%s'%s%s%s; refusing to write over it", zFile, zDb,
                i ? " (its " : "", i ? azSuffix[i] + 1 : "", i ? " file)" : ""); /* F3 */
    }
  }
  if (stat(zFile, &sf) == 0 && stat(zDb, &sd) == 0 && sf.st_dev == sd.st_dev &&
      sf.st_ino == sd.st_ino)
    lc_fail("'%s' is the database '%s'; refusing to write over it", zFile, zDb);
  fd = bAnyDb ? open(zFile, O_RDONLY | O_CLOEXEC) : -1;
  if (fd >= 0) {
    char z[16];
    ssize_t n = read(fd, z, 16);
    close(fd);
    if (n == 16 && memcmp(z, "SQLite format 3", 16) == 0)
      lc_fail("'%s' is a SQLite database; refusing to write over it", zFile); /* F3 */
  }
  free(zF);
  free(zD);
}

static int write_all(int fd, const void *pData, size_t n) {
  const char *z = pData;
  while (n > 0) {
    ssize_t k = write(fd, z, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    z += k;
    n -= (size_t)k;
  }
  return 0;
}

/* A fresh hidden name in zDir for a moment's use. */
static char *temp_name(const char *zDir) {
  lc_buf b = {0};
  static unsigned n = 0;
  lc_buf_printf(&b, "%s/.learnclub-%ld-%u", zDir, (long)getpid(), n++);
  return b.z;
}

int lc_write_file(const char *zFile, const void *pData, size_t n, int overwrite) {
  char *zDir = lc_dirname(zFile), *zTmp = 0;
  const char *zNothing = overwrite ? "it was left as it was" : "nothing was written";
  int fd, bNamed = 0, rc, e;
  mode_t um = umask(0);
  umask(um);
  fd = open(zDir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666 & ~um); /* F1 */
  if (fd < 0) {
    /* no O_TMPFILE here: a named temporary file */
    zTmp = temp_name(zDir);
    fd = open(zTmp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666 & ~um);
    if (fd < 0) lc_fail("cannot write in folder '%s': %s", zDir, strerror(errno));
    bNamed = 1;
  }
  if (write_all(fd, pData, n) != 0 || fsync(fd) != 0) {
    e = errno;
    close(fd);
    if (bNamed) unlink(zTmp);
    lc_fail("cannot write '%s': %s; %s", zFile, e == ENOSPC ? "disk is full" : strerror(e), zNothing);
  }
  if (!bNamed) {
    char zProc[64];
    snprintf(zProc, sizeof(zProc), "/proc/self/fd/%d", fd);
    if (!overwrite) {
      rc = linkat(AT_FDCWD, zProc, AT_FDCWD, zFile, AT_SYMLINK_FOLLOW); /* F2 */
    } else {
      zTmp = temp_name(zDir);
      rc = linkat(AT_FDCWD, zProc, AT_FDCWD, zTmp, AT_SYMLINK_FOLLOW);
      if (rc == 0 && (rc = rename(zTmp, zFile)) != 0) {
        e = errno;
        unlink(zTmp);
        errno = e;
      }
    }
  } else if (!overwrite) {
    rc = link(zTmp, zFile); /* F2 */
    e = errno;
    unlink(zTmp);
    errno = e;
  } else {
    rc = rename(zTmp, zFile);
    e = errno;
    if (rc != 0) unlink(zTmp);
    errno = e;
  }
  e = errno;
  close(fd);
  if (rc != 0) {
    if (!overwrite && e == EEXIST) {
      free(zDir);
      free(zTmp);
      return 1;
    }
    lc_fail("cannot write '%s': %s; %s", zFile, e == ENOSPC ? "disk is full" : strerror(e), zNothing);
  }
  fd = open(zDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd); /* the new name, on disk */
    close(fd);
  }
  free(zDir);
  free(zTmp);
  return 0;
}

/* F4 */
char *lc_temp_file(const char *zFile) {
  char *zDir = lc_dirname(zFile), *zTmp = temp_name(zDir);
  mode_t um = umask(0);
  int fd;
  umask(um);
  fd = open(zTmp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666 & ~um);
  if (fd < 0) lc_fail("cannot write in folder '%s': %s", zDir, strerror(errno));
  close(fd);
  free(zDir);
  return zTmp;
}

void lc_drop_temp(const char *zTmp) { unlink(zTmp); }

void lc_put_file(const char *zTmp, const char *zFile) {
  char *zDir;
  int fd = open(zTmp, O_RDONLY | O_CLOEXEC), e;
  if (fd < 0 || fsync(fd) != 0 || rename(zTmp, zFile) != 0) {
    e = errno;
    if (fd >= 0) close(fd);
    unlink(zTmp);
    lc_fail("cannot write '%s': %s; it was left as it was", zFile,
            e == ENOSPC ? "disk is full" : strerror(e));
  }
  close(fd);
  zDir = lc_dirname(zFile);
  fd = open(zDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd); /* the new name, on disk */
    close(fd);
  }
  free(zDir);
}
