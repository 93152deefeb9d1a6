/*
** cli/args.c — arguments and the values they carry.
**
** A1. Options: --format table|csv|json|xlsx, --as-of YYYY-MM-DD, --html FILE,
**     --since YYYY-MM-DD, --within N (issue 14, H3), and --name --from --to
**     --office --program --period --club --on (issue 14, H1: each given at
**     most once, its value checked by its command), as
**     "--name value" or "--name=value", each only where its command takes it
**     ("unknown option '--x'"); "--" ends the options; "-x" is unknown too.
** A2. Values are checked as they are read, and refused with a message that
**     quotes them: a month YYYY-MM, a half-year YYYY-H1/YYYY-H2, a year
**     YYYY, a date YYYY-MM-DD that is a real calendar day.
** A3. Positional arguments: exactly as many as the command names
**     ("missing argument NAME; see 'learnclub help'", "unexpected argument").
** A4. (issue 16) --format table|csv|json|xlsx; wherever --format is taken,
**     --output FILE (the result goes to FILE, written atomically, instead of
**     stdout) and --bom (a flag: a UTF-8 BOM before a CSV) are taken too.
**     xlsx needs --output ("--format xlsx needs --output FILE; a workbook is
**     not written to stdout"); --output '-' is refused; --bom only with csv.
** Values reach SQL only through sqlite3_bind_text (db.c).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

static int digits(const char *z, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (z[i] < '0' || z[i] > '9') return 0;
  return 1;
}

/* The options, by bit (LC_OPT_*): their names, in bit order. */
static const char *const azOptName[] = {"--format", "--as-of", "--html",
                                        "--since", "--within", /* issue 14 (H3) */
                                        /* issue 14 (H1) */
                                        "--name", "--from", "--to", "--office",
                                        "--program", "--period", "--club", "--on",
                                        /* issue 16 (A4) */
                                        "--output", "--bom"};
#define LC_NOPT ((int)(sizeof(azOptName) / sizeof(azOptName[0])))

lc_output_opts lc_output; /* A4 */

static const char *opt_name(int bit) {
  int i;
  for (i = 0; i < LC_NOPT; i++)
    if (bit == 1 << i) return azOptName[i];
  return "--?";
}

void lc_parse_args(lc_args *a, int mask, int argc, char **argv) {
  int i;
  memset(a, 0, sizeof(*a));
  a->zFormat = "table";
  a->nWithin = -1;
  if (mask & LC_OPT_FORMAT) mask |= LC_OPT_OUTPUT | LC_OPT_BOM; /* A4 */
  for (i = 0; i < argc; i++) {
    const char *z = argv[i], *zVal = 0, *zEq;
    size_t nName;
    int bit = 0, b;
    if (strcmp(z, "--") == 0) {
      for (i++; i < argc; i++) {
        if (a->nPos == (int)(sizeof(a->apPos) / sizeof(a->apPos[0])))
          lc_fail("unexpected argument '%s'", argv[i]);
        a->apPos[a->nPos++] = argv[i];
      }
      break;
    }
    if (z[0] != '-' || z[1] == 0) { /* a positional argument, "-" too */
      if (a->nPos == (int)(sizeof(a->apPos) / sizeof(a->apPos[0])))
        lc_fail("unexpected argument '%s'", z);
      a->apPos[a->nPos++] = z;
      continue;
    }
    if (z[1] != '-') lc_fail("unknown option '%s'", z);
    zEq = strchr(z, '=');
    nName = zEq ? (size_t)(zEq - z) : strlen(z);
    for (b = 1; b <= LC_OPT_LAST; b <<= 1)
      if ((mask & b) && strlen(opt_name(b)) == nName && memcmp(z, opt_name(b), nName) == 0)
        bit = b;
    if (!bit) lc_fail("unknown option '%s'", z); /* A1 */
    if (bit == LC_OPT_BOM) { /* A4: a flag */
      if (zEq) lc_fail("option '--bom' takes no value");
      a->bBom = 1;
      continue;
    }
    if (zEq) zVal = zEq + 1;
    else if (i + 1 < argc) zVal = argv[++i];
    else lc_fail("option '%s' needs a value", opt_name(bit));
    if (bit == LC_OPT_FORMAT) {
      if (strcmp(zVal, "table") && strcmp(zVal, "csv") && strcmp(zVal, "json") &&
          strcmp(zVal, "xlsx"))
        lc_fail("invalid --format '%s'; expected table, csv, json or xlsx", zVal);
      a->zFormat = zVal;
    } else if (bit == LC_OPT_AS_OF) {
      lc_check_date("--as-of", zVal);
      a->zAsOf = zVal;
    } else if (bit == LC_OPT_SINCE) {
      lc_check_date("--since", zVal);
      a->zSince = zVal;
    } else if (bit == LC_OPT_WITHIN) { /* a number of working days, 0 to 99 */
      size_t n = strlen(zVal);
      if (n < 1 || n > 2 || !digits(zVal, (int)n))
        lc_fail("invalid --within '%s'; expected a number of working days, 0 to 99", zVal);
      a->nWithin = atoi(zVal);
    } else if (bit == LC_OPT_OUTPUT) { /* A4 */
      if (!zVal[0]) lc_fail("option '--output' needs a file name");
      if (strcmp(zVal, "-") == 0)
        lc_fail("invalid --output '-'; expected a file name (--output never writes to stdout)");
      if (a->zOutput) lc_fail("option '--output' given twice");
      a->zOutput = zVal;
    } else if (bit == LC_OPT_HTML) {
      if (!zVal[0]) lc_fail("option '--html' needs a file name");
      a->zHtml = zVal;
    } else { /* issue 14 (H1): a value the command checks */
      int k;
      for (k = 0; bit != 1 << k; k++) {}
      if (a->azOpt[k]) lc_fail("option '%s' given twice", opt_name(bit));
      a->azOpt[k] = zVal;
    }
  }
  /* A4 (issue 16) */
  if (strcmp(a->zFormat, "xlsx") == 0 && !a->zOutput)
    lc_fail("--format xlsx needs --output FILE; a workbook is not written to stdout");
  if (a->bBom && strcmp(a->zFormat, "csv") != 0) lc_fail("option '--bom' is for --format csv");
  lc_output.zFile = a->zOutput;
  lc_output.bBom = a->bBom;
  lc_output.zAsOf = a->zAsOf;
  lc_output.zDb = a->nPos > 0 ? a->apPos[0] : 0;
  lc_output.argc = argc;
  lc_output.argv = argv;
}

void lc_want_args(const lc_args *a, int n, const char *const *azName) {
  if (a->nPos < n) lc_fail("missing argument %s; see 'learnclub help'", azName[a->nPos]);
  if (a->nPos > n) lc_fail("unexpected argument '%s'", a->apPos[n]); /* A3 */
}

void lc_check_month(const char *z) {
  if (!(strlen(z) == 7 && digits(z, 4) && z[4] == '-' && digits(z + 5, 2) &&
        atoi(z + 5) >= 1 && atoi(z + 5) <= 12))
    lc_fail("invalid month '%s'; expected YYYY-MM", z);
}

void lc_check_half(const char *z) {
  if (!(strlen(z) == 7 && digits(z, 4) && z[4] == '-' && z[5] == 'H' &&
        (z[6] == '1' || z[6] == '2')))
    lc_fail("invalid half-year '%s'; expected YYYY-H1 or YYYY-H2", z);
}

void lc_check_year(const char *z) {
  if (!(strlen(z) == 4 && digits(z, 4))) lc_fail("invalid year '%s'; expected YYYY", z);
}

int lc_valid_date(const char *z) {
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y, m, d, leap;
  if (!(strlen(z) == 10 && digits(z, 4) && z[4] == '-' && digits(z + 5, 2) &&
        z[7] == '-' && digits(z + 8, 2)))
    return 0;
  y = atoi(z), m = atoi(z + 5), d = atoi(z + 8);
  if (m < 1 || m > 12 || d < 1) return 0;
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= dim[m - 1] + (m == 2 && leap);
}

void lc_check_date(const char *zWhat, const char *z) {
  if (!lc_valid_date(z)) lc_fail("invalid %s date '%s'; expected YYYY-MM-DD", zWhat, z);
}

const char *lc_korean_today(void) {
  static char zToday[16];
  const char *z = getenv("LEARNCLUB_TODAY");
  if (!z || !z[0]) {
    time_t t = time(0) + 9 * 3600; /* Korean time, UTC+9 (D2) */
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(zToday, sizeof(zToday), "%Y-%m-%d", &tm);
    z = zToday;
  }
  lc_check_date("LEARNCLUB_TODAY", z);
  return z;
}

const char *lc_opt(const lc_args *a, int bit) {
  int k;
  for (k = 0; k < LC_NOPT; k++)
    if (bit == 1 << k) return a->azOpt[k];
  return 0;
}

/* ---- issue 17: the cluster's values, for every command that takes them ---- */
/* (cmd_cluster.c CL1: --address, --join, --cluster; cmd_move.c M1: an office's
** NAME in a cluster, also init's on a cluster, remote.c RM7) */
/* HOST:PORT, or [V6]:PORT, the port 1-65535. CL1 */
int lc_valid_address(const char *z) {
  const char *zColon = strrchr(z, ':');
  size_t nHost, nPort;
  long port;
  if (!zColon) return 0;
  nHost = (size_t)(zColon - z);
  nPort = strlen(zColon + 1);
  if (nHost == 0 || nPort < 1 || nPort > 5 || strspn(zColon + 1, "0123456789") != nPort) return 0;
  port = strtol(zColon + 1, 0, 10);
  if (port < 1 || port > 65535 || zColon[1] == '0') return 0;
  if (z[0] == '[') return z[nHost - 1] == ']' && nHost > 2 && memchr(z, ']', nHost) == z + nHost - 1;
  return memchr(z, ':', nHost) == 0 && memchr(z, '[', nHost) == 0 && memchr(z, ']', nHost) == 0 &&
         memchr(z, ',', nHost) == 0;
}

/* A comma-separated list of HOST:PORT. CL1 */
void lc_check_list(const char *zOpt, const char *z) {
  char *zCopy = strdup(z), *p, *e;
  if (!zCopy) lc_fail("out of memory");
  for (p = zCopy;; p = e + 1) {
    e = strchr(p, ',');
    if (e) *e = 0;
    if (!lc_valid_address(p)) lc_fail("invalid %s address '%s'; expected HOST:PORT,...", zOpt, p);
    if (!e) break;
  }
  free(zCopy);
}

/* M1: the length of the Korean letter at z (valid UTF-8 assumed), else 0:
** Hangul jamo U+1100-U+11FF, compatibility jamo U+3131-U+318E, syllables
** U+AC00-U+D7A3. */
static int korean_letter(const unsigned char *z) {
  unsigned c;
  if ((z[0] & 0xF0) != 0xE0) return 0;
  c = (unsigned)(z[0] & 0x0F) << 12 | (unsigned)(z[1] & 0x3F) << 6 | (unsigned)(z[2] & 0x3F);
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E) || (c >= 0xAC00 && c <= 0xD7A3))
    return 3;
  return 0;
}

void lc_check_office_name(const char *zName) {
  const unsigned char *z = (const unsigned char *)zName;
  size_t n = strlen(zName), i = 0;
  int ok = n >= 1 && n <= 64 && z[0] != '_' && z[0] != '.' && lc_utf8_valid(z, n);
  while (ok && i < n) {
    int k = korean_letter(z + i);
    if (k) {
      i += (size_t)k;
    } else if ((z[i] >= 'a' && z[i] <= 'z') || (z[i] >= 'A' && z[i] <= 'Z') ||
               (z[i] >= '0' && z[i] <= '9') || z[i] == '-' || z[i] == '_' || z[i] == '.') {
      i++;
    } else {
      ok = 0;
    }
  }
  if (!ok)
    lc_fail("invalid office name '%s'; expected 1 to 64 bytes of letters, digits, Korean "
            "letters, '-', '_' and '.', not starting with '_' or '.'", zName);
}
