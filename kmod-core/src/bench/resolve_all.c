/*
 * The resolve-all benchmark with libkmod: for each key of KEYSFILE, look it up and plan its load
 * the way `modprobe --show-depends` does (softdeps, dependencies, loaded state ignored), counting
 * the lines modprobe would print (insmod, install, builtin). Runs PASSES passes over all keys and
 * prints, last, `keys=K modules_emitted=M best_pass_ms=T`. MODE says what a pass starts from:
 *
 *   fresh  each pass opens its own context (kmod_new, kmod_load_resources), does all keys and frees
 *          it (kmod_unref), all inside the timed pass; the pass line's open_ms is the opening;
 *   warm   one context, opened before the first pass (`# open_ms`), kept for all passes, and the
 *          modules that pass 1 looked up keep their references until the end, so libkmod's module
 *          pool keeps each module's dependency list, path, options and install commands, as
 *          jkmod's context keeps its memo.
 *
 * The twin of ResolveAll.java (kmod-core/src/test/java/io/github/jkmod/core/bench/), which prints
 * the same lines.
 *
 * Build: gcc -O2 -o resolve_all resolve_all.c $(pkg-config --cflags --libs libkmod)
 * Usage: resolve_all fresh|warm MODDIR KEYSFILE PASSES   (MODDIR: <root>/lib/modules/<release>)
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

static double cpu_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct kmod_ctx *open_ctx(const char *moddir)
{
	static const char *config[] = { "/dev/null", NULL };
	struct kmod_ctx *ctx = kmod_new(moddir, config);

	if (ctx == NULL || kmod_load_resources(ctx) < 0) {
		fprintf(stderr, "resolve_all: cannot open %s\n", moddir);
		exit(1);
	}
	return ctx;
}

/*
 * One pass: every key looked up and planned. When keep is not NULL, the lookup result of key k
 * is kept in keep[k] (with its module references) instead of being freed.
 */
static void pass_keys(struct kmod_ctx *ctx, char **keys, size_t nkeys, struct kmod_list **keep)
{
	const int flags = KMOD_PROBE_DRY_RUN | KMOD_PROBE_IGNORE_LOADED
			  | KMOD_PROBE_APPLY_BLACKLIST_ALIAS_ONLY;
	size_t k;

	for (k = 0; k < nkeys; k++) {
		struct kmod_list *list = NULL, *l;

		if (kmod_module_new_from_lookup(ctx, keys[k], &list) < 0 || list == NULL)
			continue;
		kmod_list_foreach(l, list) {
			struct kmod_module *mod = kmod_module_get_module(l);

			kmod_module_probe_insert_module(mod, flags, NULL, NULL, NULL, count_action);
			kmod_module_unref(mod);
		}
		if (keep != NULL)
			keep[k] = list;
		else
			kmod_module_unref_list(list);
	}
}

int main(int argc, char *argv[])
{
	struct kmod_ctx *ctx = NULL;
	struct kmod_list **kept = NULL;
	char **keys;
	size_t nkeys, k;
	int passes, pass;
	bool fresh;
	double best = -1;
	long per_pass = -1;

	if (argc != 5 || (strcmp(argv[1], "fresh") != 0 && strcmp(argv[1], "warm") != 0)
	    || (passes = atoi(argv[4])) < 1) {
		fprintf(stderr, "usage: resolve_all fresh|warm MODDIR KEYSFILE PASSES\n");
		return 2;
	}
	fresh = strcmp(argv[1], "fresh") == 0;
	keys = read_keys(argv[3], &nkeys);
	printf("# libkmod mode=%s: %s\n", argv[1], fresh
	       ? "a new context per pass (kmod_new, kmod_load_resources, kmod_unref in the pass)"
	       : "one context, opened before pass 1; pass 1's modules keep their references");
	if (!fresh) {
		double t0 = now_ms();

		ctx = open_ctx(argv[2]);
		printf("# open_ms=%.1f\n", now_ms() - t0);
		kept = calloc(nkeys, sizeof(*kept));
		if (kept == NULL)
			exit(3);
	}
	for (pass = 1; pass <= passes; pass++) {
		double cpu = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
		double thread_cpu = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
		double start = now_ms();

		char opened[64] = "";

		emitted = 0;
		if (fresh) {
			ctx = open_ctx(argv[2]);
			snprintf(opened, sizeof(opened), ", open_ms=%.2f", now_ms() - start);
		}
		pass_keys(ctx, keys, nkeys, pass == 1 ? kept : NULL);
		if (fresh)
			kmod_unref(ctx);
		double ms = now_ms() - start;
		printf("# pass %d: %.1f ms, modules_emitted=%ld, process_cpu_ms=%.1f, thread_cpu_ms=%.1f%s\n",
		       pass, ms, emitted, cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu,
		       cpu_ms(CLOCK_THREAD_CPUTIME_ID) - thread_cpu, opened);
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
	if (!fresh) {
		for (k = 0; k < nkeys; k++)
			kmod_module_unref_list(kept[k]);
		free(kept);
		kmod_unref(ctx);
	}
	for (k = 0; k < nkeys; k++)
		free(keys[k]);
	free(keys);
	return 0;
}
