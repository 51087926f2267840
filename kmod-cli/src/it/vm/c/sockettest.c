/* jkmod VM harness: the seed's trigger. THREADS threads, released together by a barrier, each call
 * socket(AF_NETLINK, SOCK_RAW, NETLINK_XFRM). When xfrm_user is not loaded the kernel runs its
 * modprobe helper for "net-pf-16-proto-6" once per thread, in parallel; a socket() that fails means
 * a helper returned before the module was live.
 * usage: sockettest [THREADS]      (1..256, default 3)
 * Prints one line: "sockettest threads=T ok=K fail=F errnos=E1,E2" and exits 0 only when F is 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/netlink.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_THREADS 256

struct slot {
    pthread_t thread;
    int err;
};

static pthread_barrier_t start_line;

static void *open_xfrm_socket(void *arg)
{
    struct slot *slot = arg;
    pthread_barrier_wait(&start_line);
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_XFRM);
    slot->err = fd < 0 ? errno : 0;
    if (fd >= 0)
        close(fd);
    return NULL;
}

int main(int argc, char **argv)
{
    int threads = argc > 1 ? atoi(argv[1]) : 3;
    if (threads < 1 || threads > MAX_THREADS) {
        fprintf(stderr, "sockettest: THREADS must be 1..%d, not '%s'\n", MAX_THREADS, argv[1]);
        return 2;
    }
    static struct slot slots[MAX_THREADS];
    pthread_barrier_init(&start_line, NULL, (unsigned) threads);
    for (int i = 0; i < threads; i++) {
        int rc = pthread_create(&slots[i].thread, NULL, open_xfrm_socket, &slots[i]);
        if (rc != 0) {
            fprintf(stderr, "sockettest: pthread_create: %s\n", strerror(rc));
            return 2;
        }
    }
    int ok = 0, fail = 0;
    char errnos[2048] = "";
    for (int i = 0; i < threads; i++) {
        pthread_join(slots[i].thread, NULL);
        if (slots[i].err == 0) {
            ok++;
            continue;
        }
        fail++;
        size_t used = strlen(errnos);
        snprintf(errnos + used, sizeof errnos - used, "%s%s", fail > 1 ? "," : "",
                 strerrorname_np(slots[i].err) ? strerrorname_np(slots[i].err) : "?");
    }
    printf("sockettest threads=%d ok=%d fail=%d errnos=%s\n", threads, ok, fail, errnos);
    return fail ? 1 : 0;
}
