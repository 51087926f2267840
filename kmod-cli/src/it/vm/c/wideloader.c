/* jkmod VM harness: parallel loaders for the wide-window experiment.
 * Starts loader 1 (CMD ARGS...), waits until /sys/module/MODULE appears, then starts loaders
 * 2..N at once (the same command). The moment each loader exits, reads
 * /sys/module/MODULE/initstate: a loader that exits 0 while initstate is not "live" returned early
 * (the caller would have used a module that is not ready).
 * usage: wideloader N MODULE CMD [ARGS...]
 * Prints one line per loader, then
 * "wideloader loaders=N ok=K failed=F early=E window_seen=0|1 dir_after_ms=T" (window_seen: the
 * directory was there without initstate when first seen). Exit 0 when E and F are 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_LOADERS 64

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads the first word of PATH into BUF; "none" when there is no such file. */
static void read_state(const char *path, char *buf, size_t len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(buf, len, "%s", errno == ENOENT ? "none" : strerror(errno));
        return;
    }
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    if (buf[0] == '\0')
        snprintf(buf, len, "empty");
}

static pid_t start(char **cmd)
{
    pid_t pid = fork();
    if (pid == 0) {
        execvp(cmd[0], cmd);
        fprintf(stderr, "wideloader: exec %s: %s\n", cmd[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: wideloader N MODULE CMD [ARGS...]\n");
        return 2;
    }
    int n = atoi(argv[1]);
    const char *module = argv[2];
    char **cmd = argv + 3;
    if (n < 1 || n > MAX_LOADERS) {
        fprintf(stderr, "wideloader: N must be 1..%d, not '%s'\n", MAX_LOADERS, argv[1]);
        return 2;
    }
    char dir[256], initstate[300];
    snprintf(dir, sizeof dir, "/sys/module/%s", module);
    snprintf(initstate, sizeof initstate, "%s/initstate", dir);
    pid_t pids[MAX_LOADERS];
    int done[MAX_LOADERS] = {0};
    double t0 = now_ms();
    pids[0] = start(cmd);
    struct stat st;
    int window_seen = 0, first_gone = 0, status;
    double window_at = 0;
    for (;;) {
        if (stat(dir, &st) == 0) {
            char state[64];
            read_state(initstate, state, sizeof state);
            window_seen = strcmp(state, "none") == 0;
            window_at = now_ms();
            break;
        }
        if (waitpid(pids[0], &status, WNOHANG) == pids[0]) {
            first_gone = 1;
            break;
        }
        usleep(200);
    }
    for (int i = 1; i < n; i++)
        pids[i] = start(cmd);
    int ok = 0, failed = 0, early = 0;
    for (int left = n; left > 0; left--) {
        pid_t pid;
        int i = 0;
        if (first_gone) {
            pid = pids[0];
            first_gone = 0;
        } else {
            pid = waitpid(-1, &status, 0);
            if (pid < 0) {
                perror("wideloader: waitpid");
                return 2;
            }
        }
        char state[64];
        read_state(initstate, state, sizeof state);
        double t = now_ms() - t0;
        while (i < n && pids[i] != pid)
            i++;
        if (i == n || done[i]) {
            left++;
            continue;
        }
        done[i] = 1;
        int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        int is_early = rc == 0 && strcmp(state, "live") != 0;
        if (rc != 0)
            failed++;
        else if (is_early)
            early++;
        else
            ok++;
        printf("loader %d rc=%d initstate_at_return=%s t_ms=%.1f%s\n", i + 1, rc, state, t,
               is_early ? " EARLY" : "");
    }
    printf("wideloader loaders=%d ok=%d failed=%d early=%d window_seen=%d dir_after_ms=%.0f\n", n, ok,
           failed, early, window_seen, window_at > 0 ? window_at - t0 : -1.0);
    return early || failed ? 1 : 0;
}
