/*
** Loads dist/learnclub.so into a host that claims to be SQLite 3.30.1, to
** check learnclub.c E1: the extension refuses to load on a SQLite older than
** it supports, with a clear message. Only the API entries the refusal path
** uses are filled in; everything else stays NULL, so any other call crashes
** the test.
*/
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3ext.h>

static int fake_version_number(void) { return 3030001; }
static const char *fake_version(void) { return "3.30.1"; }
static char *fake_mprintf(const char *zFmt, ...) {
  static char buf[512];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(buf, sizeof buf, zFmt, ap);
  va_end(ap);
  return buf;
}

int main(int argc, char **argv) {
  sqlite3_api_routines api;
  char *zErr = 0;
  int rc;
  void *h;
  int (*init)(sqlite3 *, char **, const sqlite3_api_routines *);
  if (argc < 2) return 2;
  h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    fprintf(stderr, "%s\n", dlerror());
    return 2;
  }
  *(void **)&init = dlsym(h, "sqlite3_learnclub_init");
  if (!init) return 2;
  memset(&api, 0, sizeof api);
  api.libversion_number = fake_version_number;
  api.libversion = fake_version;
  api.mprintf = fake_mprintf;
  rc = init(0, &zErr, &api);
  printf("%d %s\n", rc, zErr ? zErr : "(none)");
  return 0;
}
