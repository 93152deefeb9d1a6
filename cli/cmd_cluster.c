/*
** cli/cmd_cluster.c — the cluster commands (issue 17, first step):
**
**   learnclub serve --id N --address HOST:PORT --dir DIR [--join HOST:PORT,...]
**                   [--cert FILE --key FILE --ca FILE]
**   learnclub cluster status [--cluster HOST:PORT,...] [--cert FILE --key FILE --ca FILE]
**   learnclub cluster remove ID [--cluster HOST:PORT,...] [--cert FILE --key FILE --ca FILE]
**
** The node and the cluster's client are the Go program learnclub-node
** (cluster/, on go-dqlite's app package; docs/cluster.md says why). This
** file checks the arguments and execs it with an argv array, never through
** a shell; the node's own checks (loopback or TLS, the node's folder, the
** certificates' contents) and its messages are in cluster/main.go.
**
** CL1. (The address checks are args.c's lc_valid_address and lc_check_list,
**      shared with the other commands that name a cluster.) Every option takes a value; an option twice, an unknown option or an
**      extra argument is refused; --id is a positive integer (at most 18
**      digits); --address and each --join address are HOST:PORT ([V6]:PORT)
**      with a port from 1 to 65535; --dir is not empty.
** CL2. --cert, --key and --ca go together, and each names a readable file.
** CL3. The cluster is --cluster, else LEARNCLUB_CLUSTER; one of them is
**      required by `cluster`.
** CL4. learnclub-node is the file of that name beside this command
**      (LEARNCLUB_NODE overrides it); when it is missing the command says
**      how to build it.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"

/* The options of the cluster commands, in the order of LC_O_* (cli.h). */
static const char *const azOpt[LC_N_OPT] = {"--id", "--address", "--dir", "--join",
                                            "--cluster", "--cert", "--key", "--ca"};
#define N_OPT LC_N_OPT
enum { O_ID = LC_O_ID, O_ADDRESS, O_DIR, O_JOIN, O_CLUSTER, O_CERT, O_KEY, O_CA };

/* Parses argv into aVal (options whose bit is in mask) and apPos. CL1 */
int lc_cluster_parse(int argc, char **argv, unsigned mask, const char *aVal[N_OPT],
                 const char **apPos, int nPosMax) {
  int i, k, nPos = 0;
  for (k = 0; k < N_OPT; k++) aVal[k] = 0;
  for (i = 0; i < argc; i++) {
    const char *z = argv[i];
    if (z[0] != '-' || z[1] == 0) {
      if (nPos == nPosMax) lc_fail("unexpected argument '%s'", z);
      apPos[nPos++] = z;
      continue;
    }
    for (k = 0; k < N_OPT; k++)
      if ((mask & (1u << k)) && strcmp(z, azOpt[k]) == 0) break;
    if (k == N_OPT) lc_fail("unknown option '%s'", z);
    if (i + 1 == argc) lc_fail("option '%s' needs a value", z);
    if (aVal[k]) lc_fail("option '%s' given twice", z);
    aVal[k] = argv[++i];
  }
  return nPos;
}

static void check_address(const char *zOpt, const char *z) {
  if (!lc_valid_address(z)) lc_fail("invalid %s '%s'; expected HOST:PORT", zOpt, z);
}

/* A node id: a positive integer of at most 18 digits. CL1 */
static void check_id(const char *zWhat, const char *z) {
  size_t n = strlen(z);
  if (n < 1 || n > 18 || strspn(z, "0123456789") != n || z[0] == '0')
    lc_fail("invalid %s '%s'; expected a positive integer", zWhat, z);
}

/* CL2 */
static void check_tls(const char *aVal[N_OPT]) {
  int k, n = 0;
  for (k = O_CERT; k <= O_CA; k++) n += aVal[k] != 0;
  if (n != 0 && n != 3) lc_fail("--cert, --key and --ca go together");
  for (k = O_CERT; n && k <= O_CA; k++)
    if (access(aVal[k], R_OK) != 0) lc_fail("cannot read %s '%s': %s", azOpt[k], aVal[k], strerror(errno));
}

/* CL3 (and CL1, CL2 for them): the cluster is --cluster, else
** LEARNCLUB_CLUSTER; the TLS options go together. */
void lc_cluster_target(const char *aVal[N_OPT]) {
  if (!aVal[O_CLUSTER]) aVal[O_CLUSTER] = getenv("LEARNCLUB_CLUSTER");
  if (!aVal[O_CLUSTER] || !aVal[O_CLUSTER][0])
    lc_fail("which cluster? give --cluster HOST:PORT,... or set LEARNCLUB_CLUSTER");
  lc_check_list("--cluster", aVal[O_CLUSTER]);
  check_tls(aVal);
}

/* Execs learnclub-node with azArg (the options in aVal appended); with
** bWait (pull) it runs it as a child instead and returns its exit status. CL4 */
int lc_cluster_node(const char *zSub, const char **azArg, int nArg, const char *aVal[N_OPT],
                    int bWait) {
  const char *argv[2 + 2 * N_OPT + 4];
  const char *zNode = lc_node_path();
  int n = 0, k;
  argv[n++] = zNode;
  argv[n++] = zSub;
  for (k = 0; k < nArg; k++) argv[n++] = azArg[k];
  for (k = 0; k < N_OPT; k++)
    if (aVal[k]) argv[n++] = azOpt[k], argv[n++] = aVal[k];
  argv[n] = 0;
  fflush(stdout);
  if (bWait) {
    int status;
    pid_t pid = fork();
    if (pid == 0) {
      execv(zNode, (char *const *)argv);
      fprintf(stderr, "learnclub %s: cannot run '%s': %s\n", lc_cmd, zNode, strerror(errno));
      _exit(LC_EXIT_BAD);
    }
    if (pid < 0) lc_fail("cannot run '%s': %s", zNode, strerror(errno));
    while (waitpid(pid, &status, 0) < 0)
      if (errno != EINTR) lc_fail("cannot wait for '%s': %s", zNode, strerror(errno));
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    lc_fail("'%s' was stopped by signal %d", zNode, WTERMSIG(status));
  }
  execv(zNode, (char *const *)argv);
  lc_fail("cannot run '%s': %s", zNode, strerror(errno));
}

/* learnclub serve ... */
int lc_cmd_serve(int argc, char **argv) {
  const char *aVal[N_OPT], *apPos[1];
  lc_cluster_parse(argc, argv,
        1u << O_ID | 1u << O_ADDRESS | 1u << O_DIR | 1u << O_JOIN | 1u << O_CERT | 1u << O_KEY | 1u << O_CA,
        aVal, apPos, 0);
  if (!aVal[O_ID]) lc_fail("--id N is required");
  if (!aVal[O_ADDRESS]) lc_fail("--address HOST:PORT is required");
  if (!aVal[O_DIR]) lc_fail("--dir DIR is required");
  check_id("--id", aVal[O_ID]);
  check_address("--address", aVal[O_ADDRESS]);
  if (!aVal[O_DIR][0]) lc_fail("invalid --dir ''; expected a folder");
  if (aVal[O_JOIN]) lc_check_list("--join", aVal[O_JOIN]);
  check_tls(aVal);
  return lc_cluster_node("serve", 0, 0, aVal, 0);
}

/* learnclub cluster status|remove ... */
int lc_cmd_cluster(int argc, char **argv) {
  const char *aVal[N_OPT], *apPos[2];
  unsigned mask = 1u << O_CLUSTER | 1u << O_CERT | 1u << O_KEY | 1u << O_CA;
  int nPos = lc_cluster_parse(argc, argv, mask, aVal, apPos, 2);
  int bRemove;
  if (nPos == 0) lc_fail("missing argument status|remove; see 'learnclub help'");
  if (strcmp(apPos[0], "status") == 0) {
    lc_cmd = "cluster status";
    bRemove = 0;
  } else if (strcmp(apPos[0], "remove") == 0) {
    lc_cmd = "cluster remove";
    bRemove = 1;
  } else {
    lc_fail("unknown cluster command '%s'; expected status or remove", apPos[0]);
  }
  if (!bRemove && nPos > 1) lc_fail("unexpected argument '%s'", apPos[1]);
  if (bRemove && nPos < 2) lc_fail("missing argument ID; see 'learnclub help'");
  if (bRemove) check_id("node id", apPos[1]);
  lc_cluster_target(aVal); /* CL3 */
  return lc_cluster_node(bRemove ? "remove" : "status", apPos + 1, nPos - 1, aVal, 0);
}
