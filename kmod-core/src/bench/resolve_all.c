/*
 * The resolve-all benchmark with libkmod: for each key of KEYSFILE, look it up and plan its load
 * the way `modprobe --show-depends` does (softdeps, dependencies, loaded state ignored), counting
 * the lines modprobe would print (insmod, install, builtin). Runs PASSES passes over all keys in one
 * libkmod context and prints, last, `keys=K modules_emitted=M best_pass_ms=T`.
 *
 * Build: gcc -O2 -o resolve_all resolve_all.c $(pkg-config --cflags --libs libkmod)
 * Usage: resolve_all MODDIR KEYSFILE PASSES   (MODDIR: <root>/lib/modules/<release>)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <libkmod.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long emitted;
static char line[8192];

/*
 * modprobe's print_action, formatting into a buffer instead of stdout: an install command, an
 * insmod of the module's file, or a builtin module (a module with no file that is not builtin
 * prints nothing).
 */
static void count_action(struct kmod_module *m, bool install, const char *options)
{
	const char *path;

	if (install) {
		snprintf(line, sizeof(line), "install %s %s",
			 kmod_module_get_install_commands(m), options);
		emitted++;
		return;
	}
	path = kmod_module_get_path(m);
	if (path != NULL) {
		snprintf(line, sizeof(line), "insmod %s %s", path, options);
		emitted++;
	} else if (kmod_module_get_initstate(m) == KMOD_MODULE_BUILTIN) {
		snprintf(line, sizeof(line), "builtin %s", kmod_module_get_name(m));
		emitted++;
	}
}

static char **read_keys(const char *file, size_t *count)
{
	FILE *f = fopen(file, "r");
	char **keys = NULL;
	size_t n = 0, cap = 0;
	char *buf = NULL;
	size_t bufsize = 0;
	ssize_t len;

	if (f == NULL) {
		fprintf(stderr, "resolve_all: %s: %s\n", file, strerror(errno));
		exit(2);
	}
	while ((len = getline(&buf, &bufsize, f)) >= 0) {
		if (len > 0 && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (buf[0] == '#')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			keys = realloc(keys, cap * sizeof(*keys));
			if (keys == NULL)
				exit(3);
		}
		keys[n++] = strdup(buf);
	}
	free(buf);
	fclose(f);
	*count = n;
	return keys;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char *argv[])
{
	static const char *config[] = { "/dev/null", NULL };
	const int flags = KMOD_PROBE_DRY_RUN | KMOD_PROBE_IGNORE_LOADED
			  | KMOD_PROBE_APPLY_BLACKLIST_ALIAS_ONLY;
	struct kmod_ctx *ctx;
	char **keys;
	size_t nkeys, k;
	int passes, pass;
	double best = -1;
	long per_pass = -1;

	if (argc != 4 || (passes = atoi(argv[3])) < 1) {
		fprintf(stderr, "usage: resolve_all MODDIR KEYSFILE PASSES\n");
		return 2;
	}
	keys = read_keys(argv[2], &nkeys);
	double t0 = now_ms();
	ctx = kmod_new(argv[1], config);
	if (ctx == NULL || kmod_load_resources(ctx) < 0) {
		fprintf(stderr, "resolve_all: cannot open %s\n", argv[1]);
		return 1;
	}
	printf("# open_ms=%.1f\n", now_ms() - t0);
	for (pass = 1; pass <= passes; pass++) {
		double cpu = cpu_ms();
		double start = now_ms();
		emitted = 0;
		for (k = 0; k < nkeys; k++) {
			struct kmod_list *list = NULL, *l;

			if (kmod_module_new_from_lookup(ctx, keys[k], &list) < 0 || list == NULL)
				continue;
			kmod_list_foreach(l, list) {
				struct kmod_module *mod = kmod_module_get_module(l);

				kmod_module_probe_insert_module(mod, flags, NULL, NULL, NULL,
								count_action);
				kmod_module_unref(mod);
			}
			kmod_module_unref_list(list);
		}
		double ms = now_ms() - start;
		printf("# pass %d: %.1f ms, modules_emitted=%ld, process_cpu_ms=%.1f\n", pass, ms,
		       emitted, cpu_ms() - cpu);
		fflush(stdout);
		if (per_pass >= 0 && per_pass != emitted) {
			fprintf(stderr, "resolve_all: pass %d emitted %ld, pass 1 %ld\n", pass, emitted,
				per_pass);
			return 1;
		}
		per_pass = emitted;
		if (best < 0 || ms < best)
			best = ms;
	}
	printf("keys=%zu modules_emitted=%ld best_pass_ms=%.1f\n", nkeys, per_pass, best);
	kmod_unref(ctx);
	for (k = 0; k < nkeys; k++)
		free(keys[k]);
	free(keys);
	return 0;
}
