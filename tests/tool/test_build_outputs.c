// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi_find_facts() on what real build tools make of objects compiled
 * with the plugin. The cases: a plain object, regular and thin archives,
 * "ld -r", a build folder and the facts-dir file. Then an object from
 * ccache's cache and one compiled by a distccd on this machine. Also
 * corrupt copies of real objects and archives, and a facts section of
 * another format version.
 *
 * Usage: test_build_outputs CASE --gcc GCC --plugin SO --fixtures DIR
 *        --include DIR [--include DIR ...] --ar AR --ld LD --objcopy OBJCOPY
 *
 * A case whose tool (ccache, distcc) is not installed fails and says so:
 * CI installs them (ci/install-deps.sh), so a missing one is a setup error.
 */
#define _GNU_SOURCE	/* prctl(), PR_SET_CHILD_SUBREAPER */

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

#include "tool_test.h"

#define MAX_INCLUDES 8

static struct {
	const char *gcc, *plugin, *fixtures, *ar, *ld, *objcopy;
	const char *includes[MAX_INCLUDES];
	unsigned int nincludes;
} cfg;

/* This case's temporary folder and its copy of the fixture sources. */
static char *work, *src;

/* The unit paths passed to the compiler: relative to SRC, as Kbuild does. */
#define SPEC_UNIT "mm/spec_unit.c"
#define HELPER_UNIT "lib/helper_unit.c"

/* --- running commands --------------------------------------------------- */

static void print_command(const char *const argv[])
{
	unsigned int i;

	fprintf(stderr, "  $");
	for (i = 0; argv[i]; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, "\n");
}

static void print_log(const char *log)
{
	size_t len;
	unsigned char *text = read_whole_file(log, &len);

	if (text)
		fprintf(stderr, "%s", (char *)text);
	free(text);
}

/*
 * In a child process: apply ENV ("NAME=VALUE" sets, "NAME" unsets), go to
 * CWD and send standard output and error to LOG.
 */
static void prepare_child(const char *const env[], const char *cwd,
			  const char *log)
{
	unsigned int i;
	int fd;

	for (i = 0; env && env[i]; i++) {
		const char *eq = strchr(env[i], '=');

		if (eq) {
			char *name = test_xstrdup(env[i]);

			name[eq - env[i]] = '\0';
			setenv(name, eq + 1, 1);
			free(name);
		} else {
			unsetenv(env[i]);
		}
	}
	if (cwd && chdir(cwd) != 0) {
		fprintf(stderr, "cannot change to %s: %s\n", cwd,
			strerror(errno));
		_exit(127);
	}
	fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd < 0) {
		fprintf(stderr, "cannot open %s: %s\n", log, strerror(errno));
		_exit(127);
	}
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

/*
 * Run ARGV (looked up in PATH) and wait for it. Returns its exit status,
 * or -1 when it could not be started or was killed. The command and its
 * output are printed when the status is not 0.
 */
static int run_in(const char *const argv[], const char *const env[],
		  const char *cwd)
{
	char *log = path_join(work, "command.log");
	int status, rc;
	pid_t pid;

	unlink(log);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "  fork failed: %s\n", strerror(errno));
		free(log);
		return -1;
	}
	if (pid == 0) {
		prepare_child(env, cwd, log);
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			break;
	rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (rc != 0) {
		fprintf(stderr, "  command failed (status %d):\n", rc);
		print_command(argv);
		print_log(log);
	}
	free(log);
	return rc;
}

static int run(const char *const argv[])
{
	return run_in(argv, NULL, work);
}

/* The full path of PROGRAM in PATH, or NULL. */
static char *find_in_path(const char *program)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *found = NULL;

	if (!path)
		return NULL;
	copy = test_xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *candidate = path_join(*dir ? dir : ".", program);

		if (access(candidate, X_OK) == 0)
			found = candidate;
		else
			free(candidate);
	}
	free(copy);
	return found;
}

static char *require_program(const char *program, const char *package)
{
	char *path = find_in_path(program);

	if (!path)
		fprintf(stderr, "FAIL: %s is not installed (not found in PATH); install the Debian package %s, as ci/install-deps.sh does\n",
			program, package);
	return path;
}

/* --- compiling the fixtures --------------------------------------------- */

enum facts_mode {
	FACTS_IN_OBJECT,	/* -fplugin-arg-kapi_check-facts */
	FACTS_IN_FOLDER,	/* -fplugin-arg-kapi_check-facts-dir=FOLDER */
	NO_PLUGIN,
};

/*
 * The command line of one compilation: PREFIX (a launcher such as ccache,
 * then the compiler), the flags, UNIT (relative to SRC) and OUTPUT. The
 * strings stay valid until release_args().
 */
struct compile_args {
	const char *argv[32];
	char *owned[MAX_INCLUDES + 2];
	unsigned int nowned;
};

static void add_arg(struct compile_args *c, unsigned int *n, const char *arg)
{
	if (*n + 1 >= sizeof(c->argv) / sizeof(c->argv[0])) {
		fprintf(stderr, "too many compiler arguments\n");
		exit(2);
	}
	c->argv[(*n)++] = arg;
	c->argv[*n] = NULL;
}

/* ARG, freed by release_args(). */
static const char *owned(struct compile_args *c, char *arg)
{
	c->owned[c->nowned++] = arg;
	return arg;
}

static void compile_args(struct compile_args *c, const char *const prefix[],
			 const char *plugin, enum facts_mode mode,
			 const char *facts_folder, const char *unit,
			 const char *output)
{
	unsigned int n = 0, i;

	memset(c, 0, sizeof(*c));
	for (i = 0; prefix[i]; i++)
		add_arg(c, &n, prefix[i]);
	add_arg(c, &n, "-O2");
	add_arg(c, &n, "-c");
	if (plugin)
		add_arg(c, &n, owned(c, format("-fplugin=%s", plugin)));
	if (mode == FACTS_IN_OBJECT)
		add_arg(c, &n, "-fplugin-arg-kapi_check-facts");
	else if (mode == FACTS_IN_FOLDER)
		add_arg(c, &n,
			owned(c, format("-fplugin-arg-kapi_check-facts-dir=%s",
					facts_folder)));
	for (i = 0; i < cfg.nincludes; i++)
		add_arg(c, &n, owned(c, format("-I%s", cfg.includes[i])));
	add_arg(c, &n, unit);
	add_arg(c, &n, "-o");
	add_arg(c, &n, output);
}

static void release_args(struct compile_args *c)
{
	unsigned int i;

	for (i = 0; i < c->nowned; i++)
		free(c->owned[i]);
}

/* Compile UNIT into WORK/OUTPUT_NAME; returns the object's path. */
static char *compile_unit(const char *unit, const char *output_name,
			  enum facts_mode mode, const char *facts_folder)
{
	const char *const prefix[] = { cfg.gcc, NULL };
	char *output = path_join(work, output_name);
	struct compile_args c;

	compile_args(&c, prefix, mode == NO_PLUGIN ? NULL : cfg.plugin, mode,
		     facts_folder, unit, output);
	CHECK(run_in(c.argv, NULL, src) == 0);
	release_args(&c);
	return output;
}

static bool copy_file(const char *from, const char *to, mode_t mode)
{
	size_t len;
	unsigned char *bytes = read_whole_file(from, &len);
	bool ok = bytes && write_file(to, bytes, len);

	free(bytes);
	if (ok && chmod(to, mode) != 0) {
		fprintf(stderr, "  cannot change the mode of %s: %s\n", to,
			strerror(errno));
		ok = false;
	}
	return ok;
}

/* Make WORK and copy the fixtures to WORK/src/mm and WORK/src/lib. */
static void set_up(const char *name)
{
	static const struct {
		const char *fixture, *unit;
	} copies[] = {
		{ "spec_unit.c", SPEC_UNIT },
		{ "helper_unit.c", HELPER_UNIT },
	};
	unsigned int i;
	char *dir;

	work = make_temp_folder(name);
	src = path_join(work, "src");
	CHECK(make_folder(src));
	dir = path_join(src, "mm");
	CHECK(make_folder(dir));
	free(dir);
	dir = path_join(src, "lib");
	CHECK(make_folder(dir));
	free(dir);
	for (i = 0; i < 2; i++) {
		char *from = path_join(cfg.fixtures, copies[i].fixture);
		char *to = path_join(src, copies[i].unit);

		CHECK(copy_file(from, to, 0644));
		free(from);
		free(to);
	}
}

static void tear_down(void)
{
	free(src);
	remove_temp_folder(work);
}

/* --- checking the facts ------------------------------------------------- */

/* Check that FOUND reads back as the units of the fixtures named. */
static void check_units(const struct found_list *found, bool spec,
			bool helper)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_unit_facts *units;
	unsigned int nunits;
	const struct kapi_unit_facts *u;
	int n = read_found_units(arena, found, &units, &nunits);

	CHECK(n == (int)spec + (int)helper);
	if (spec) {
		u = find_unit(units, nunits, SPEC_UNIT);
		CHECK(u != NULL);
		if (u) {
			CHECK(u->nspecs == 1);
			if (u->nspecs == 1)
				CHECK(same_string(u->specs[0]->name,
						  "sys_reserve"));
			CHECK(has_function(u, "check_range"));
			CHECK(has_function(u, "__do_sys_reserve"));
		}
	}
	if (helper) {
		u = find_unit(units, nunits, HELPER_UNIT);
		CHECK(u != NULL);
		if (u) {
			CHECK(u->nspecs == 0);
			CHECK(has_function(u, "reserve_pages"));
		}
	}
	kapi_arena_free(arena);
}

/* The facts section of the object PATH, read with objcopy. */
static unsigned char *dump_facts(const char *path, size_t *len)
{
	char *out = path_join(work, "dumped.facts");
	char *arg = format("%s=%s", KAPI_FACTS_SECTION, out);
	const char *const argv[] = { cfg.objcopy, "--dump-section", arg, path,
				     "/dev/null", NULL };
	unsigned char *bytes = NULL;

	unlink(out);
	*len = 0;
	if (run(argv) == 0)
		bytes = read_whole_file(out, len);
	free(arg);
	free(out);
	return bytes;
}

/* --- cases -------------------------------------------------------------- */

static void object_has_facts(void)
{
	char *spec = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_OBJECT, NULL);
	char *plain = compile_unit(HELPER_UNIT, "plain.o", NO_PLUGIN, NULL);
	struct search_result r;
	unsigned char *dumped;
	size_t dumped_len;

	search_path(spec, &r);
	CHECK(r.rc == 0);
	CHECK(r.skipped == 0);
	CHECK(r.found.n == 1);
	if (r.found.n == 1) {
		CHECK(same_string(r.found.origins[0], spec));
		dumped = dump_facts(spec, &dumped_len);
		CHECK(dumped != NULL);
		if (dumped)
			CHECK(same_bytes(r.found.bytes[0], r.found.lens[0],
					 dumped, dumped_len));
		free(dumped);
	}
	check_units(&r.found, true, false);
	search_release(&r);

	search_path(plain, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 1);
	search_release(&r);
	free(spec);
	free(plain);
}

/*
 * The facts of a real object, put by objcopy into ELF files of each class
 * and byte order, so that the reader is checked against binutils' own
 * writer and not only against the test's.
 */
static void object_every_elf_layout(void)
{
	static const char *const targets[] = {
		"elf32-little", "elf32-big", "elf64-little", "elf64-big",
	};
	char *spec = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_OBJECT, NULL);
	char *facts = path_join(work, "spec.facts");
	size_t len;
	unsigned char *bytes = dump_facts(spec, &len);
	unsigned int i;

	CHECK(bytes != NULL);
	if (bytes)
		CHECK(write_file(facts, bytes, len));
	for (i = 0; bytes && i < sizeof(targets) / sizeof(targets[0]); i++) {
		char *out = path_join(work, targets[i]);
		const char *const argv[] = {
			cfg.objcopy, "-I", "binary", "-O", targets[i],
			"--rename-section",
			".data=" KAPI_FACTS_SECTION ",contents,readonly",
			facts, out, NULL,
		};
		struct search_result r;

		CHECK(run(argv) == 0);
		search_path(out, &r);
		CHECK(r.rc == 0);
		CHECK(r.found.n == 1);
		if (r.found.n == 1)
			CHECK(same_bytes(r.found.bytes[0], r.found.lens[0],
					 bytes, len));
		check_units(&r.found, true, false);
		search_release(&r);
		free(out);
	}

#if defined(__x86_64__)
	/* A 32-bit object written by GCC and the assembler themselves. */
	{
		const char *const prefix[] = { cfg.gcc, "-m32", NULL };
		char *out = path_join(work, "spec32.o");
		struct compile_args c;
		struct search_result r;

		compile_args(&c, prefix, cfg.plugin, FACTS_IN_OBJECT, NULL,
			     SPEC_UNIT, out);
		CHECK(run_in(c.argv, NULL, src) == 0);
		release_args(&c);
		search_path(out, &r);
		CHECK(r.rc == 0);
		CHECK(r.found.n == 1);
		check_units(&r.found, true, false);
		search_release(&r);
		free(out);
	}
#endif
	free(bytes);
	free(facts);
	free(spec);
}

static void archive_has_facts(void)
{
	char *spec = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_OBJECT, NULL);
	char *helper = compile_unit(HELPER_UNIT, "helper.o", FACTS_IN_OBJECT,
				    NULL);
	char *plain = compile_unit(HELPER_UNIT, "plain.o", NO_PLUGIN, NULL);
	char *archive = path_join(work, "lib.a");
	char *origin;
	const char *const ar[] = { cfg.ar, "rcs", "lib.a", "spec.o",
				   "helper.o", "plain.o", NULL };
	struct search_result r;

	CHECK(run(ar) == 0);
	search_path(archive, &r);
	CHECK(r.rc == 0);
	CHECK(r.skipped == 1);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		origin = path_join(work, "lib.a(spec.o)");
		CHECK(same_string(r.found.origins[0], origin));
		free(origin);
		origin = path_join(work, "lib.a(helper.o)");
		CHECK(same_string(r.found.origins[1], origin));
		free(origin);
	}
	check_units(&r.found, true, true);
	search_release(&r);
	free(spec);
	free(helper);
	free(plain);
	free(archive);
}

/*
 * Thin archives as the kernel makes its built-in.a: members named
 * relative to the archive's folder, and an archive of archives that GNU
 * ar flattens into one list of objects.
 */
static void thin_archive_has_facts(void)
{
	char *objs = path_join(work, "objs"), *lib = path_join(work, "lib");
	char *spec, *helper, *thin, *top, *origin;
	const char *const ar[] = { cfg.ar, "rcST", "lib/thin.a",
				   "objs/spec.o", "objs/helper.o", NULL };
	const char *const kernel_ar[] = { cfg.ar, "cDPrST", "built-in.a",
					  "lib/thin.a", NULL };
	struct search_result r;

	CHECK(make_folder(objs));
	CHECK(make_folder(lib));
	spec = compile_unit(SPEC_UNIT, "objs/spec.o", FACTS_IN_OBJECT, NULL);
	helper = compile_unit(HELPER_UNIT, "objs/helper.o", FACTS_IN_OBJECT,
			      NULL);
	thin = path_join(work, "lib/thin.a");
	top = path_join(work, "built-in.a");

	CHECK(run(ar) == 0);
	search_path(thin, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		origin = path_join(work, "lib/thin.a(../objs/spec.o)");
		CHECK(same_string(r.found.origins[0], origin));
		free(origin);
	}
	check_units(&r.found, true, true);
	search_release(&r);

	CHECK(run(kernel_ar) == 0);
	search_path(top, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		origin = path_join(work, "built-in.a(objs/helper.o)");
		CHECK(same_string(r.found.origins[1], origin));
		free(origin);
	}
	check_units(&r.found, true, true);
	search_release(&r);

	/* A member rebuilt without facts since is counted as skipped. */
	free(compile_unit(HELPER_UNIT, "objs/helper.o", NO_PLUGIN, NULL));
	search_path(thin, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	CHECK(r.skipped == 1);
	search_release(&r);

	free(objs);
	free(lib);
	free(spec);
	free(helper);
	free(thin);
	free(top);
}

static void ld_r_keeps_both_units(void)
{
	char *spec = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_OBJECT, NULL);
	char *helper = compile_unit(HELPER_UNIT, "helper.o", FACTS_IN_OBJECT,
				    NULL);
	char *both = path_join(work, "both.o");
	const char *const ld[] = { cfg.ld, "-r", "spec.o", "helper.o", "-o",
				   "both.o", NULL };
	struct search_result r;

	CHECK(run(ld) == 0);
	search_path(both, &r);
	CHECK(r.rc == 0);
	/* ld -r joins the two sections into one with both blocks. */
	CHECK(r.found.n == 1);
	check_units(&r.found, true, true);
	search_release(&r);
	free(spec);
	free(helper);
	free(both);
}

static void folder_has_facts(void)
{
	char *tree = path_join(work, "tree"), *loop, *expected;
	const char *const ar[] = { cfg.ar, "rcs", "tree/lib/lib.a",
				   "tree/lib/helper.o", NULL };
	struct search_result r;

	CHECK(make_folder(tree));
	expected = path_join(work, "tree/mm");
	CHECK(make_folder(expected));
	free(expected);
	expected = path_join(work, "tree/lib");
	CHECK(make_folder(expected));
	free(expected);
	free(compile_unit(SPEC_UNIT, "tree/mm/spec.o", FACTS_IN_OBJECT, NULL));
	free(compile_unit(HELPER_UNIT, "tree/lib/helper.o", FACTS_IN_OBJECT,
			  NULL));
	free(compile_unit(HELPER_UNIT, "tree/lib/plain.o", NO_PLUGIN, NULL));
	/* Archives repeat their objects and are not searched in folders. */
	CHECK(run(ar) == 0);
	loop = path_join(work, "tree/mm/back");
	CHECK(symlink("..", loop) == 0);

	search_path(tree, &r);
	CHECK(r.rc == 0);
	CHECK(r.skipped == 1);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		expected = path_join(work, "tree/lib/helper.o");
		CHECK(same_string(r.found.origins[0], expected));
		free(expected);
		expected = path_join(work, "tree/mm/spec.o");
		CHECK(same_string(r.found.origins[1], expected));
		free(expected);
	}
	check_units(&r.found, true, true);
	search_release(&r);
	free(loop);
	free(tree);
}

static void facts_dir_file(void)
{
	char *folder = path_join(work, "facts");
	char *file = path_join(work, "facts/mm%2Fspec_unit.c.kapi-facts");
	char *object;
	unsigned char *bytes;
	size_t len;
	struct search_result r;

	CHECK(make_folder(folder));
	object = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_FOLDER, folder);

	/* The facts went to the folder, not into the object. */
	search_path(object, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 1);
	search_release(&r);

	search_path(file, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	bytes = read_whole_file(file, &len);
	CHECK(bytes != NULL);
	if (r.found.n == 1 && bytes) {
		CHECK(same_string(r.found.origins[0], file));
		CHECK(same_bytes(r.found.bytes[0], r.found.lens[0], bytes,
				 len));
	}
	check_units(&r.found, true, false);
	search_release(&r);
	free(bytes);

	search_path(folder, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	search_release(&r);
	free(object);
	free(file);
	free(folder);
}

/*
 * Units whose paths differ only in '/' against '_' (x_y/z.c and x/y/z.c)
 * get a facts file each. A name with '/' turned into '_' alone made the
 * second compilation overwrite the first unit's facts.
 */
static void facts_dir_names_differ(void)
{
	static const char *const units[] = { "x_y/z.c", "x/y/z.c" };
	static const char *const folders[] = { "x_y", "x", "x/y" };
	char *folder = path_join(work, "facts");
	char *fixture = path_join(cfg.fixtures, "spec_unit.c");
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_unit_facts *read;
	unsigned int i, nread = 0;
	struct search_result r;

	CHECK(make_folder(folder));
	for (i = 0; i < 3; i++) {
		char *dir = path_join(src, folders[i]);

		CHECK(make_folder(dir));
		free(dir);
	}
	for (i = 0; i < 2; i++) {
		char *to = path_join(src, units[i]);
		char *object = format("unit%u.o", i);

		CHECK(copy_file(fixture, to, 0644));
		free(compile_unit(units[i], object, FACTS_IN_FOLDER, folder));
		free(object);
		free(to);
	}

	search_path(folder, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 2);
	CHECK(read_found_units(arena, &r.found, &read, &nread) == 2);
	for (i = 0; i < 2; i++)
		CHECK(find_unit(read, nread, units[i]) != NULL);
	search_release(&r);

	/* The names are the unit paths, percent-encoded. */
	for (i = 0; i < 2; i++) {
		static const char *const names[] = {
			"facts/x_y%2Fz.c.kapi-facts",
			"facts/x%2Fy%2Fz.c.kapi-facts",
		};
		char *file = path_join(work, names[i]);

		CHECK(access(file, R_OK) == 0);
		free(file);
	}
	kapi_arena_free(arena);
	free(fixture);
	free(folder);
}

/* The value of STAT in the output of "ccache --print-stats", or -1. */
static long ccache_stat(const char *stats, const char *name)
{
	size_t len = strlen(name);
	const char *line = stats;

	while (line && *line) {
		if (strncmp(line, name, len) == 0 && line[len] == '\t')
			return strtol(line + len + 1, NULL, 10);
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	fprintf(stderr, "  no %s in ccache's statistics\n", name);
	return -1;
}

/* Run "ccache --print-stats" with ENV; returns its output or NULL. */
static char *ccache_stats(const char *ccache, const char *const env[])
{
	const char *const argv[] = { ccache, "--print-stats", NULL };
	char *log = path_join(work, "command.log");
	unsigned char *stats = NULL;
	size_t len;

	if (run_in(argv, env, work) == 0)
		stats = read_whole_file(log, &len);
	free(log);
	return (char *)stats;
}

static void ccache_hit_keeps_facts(void)
{
	char *ccache = require_program("ccache", "ccache");
	char *config = path_join(work, "ccache.conf");
	char *dir_env = format("CCACHE_DIR=%s/ccache", work);
	char *config_env = format("CCACHE_CONFIGPATH=%s", config);
	char *outputs[2] = { path_join(work, "first.o"),
			     path_join(work, "second.o") };
	/* A cache of its own, and nothing that turns caching off. */
	const char *const env[] = {
		dir_env, config_env, "CCACHE_DISABLE", "CCACHE_RECACHE",
		"CCACHE_READONLY", "CCACHE_PREFIX", "CCACHE_NODIRECT", NULL,
	};
	struct search_result r[2];
	unsigned int i;
	char *stats;

	CHECK(ccache != NULL);
	if (!ccache)
		goto out;
	CHECK(write_file(config, "", 0));

	for (i = 0; i < 2; i++) {
		const char *const prefix[] = { ccache, cfg.gcc, NULL };
		struct compile_args c;

		compile_args(&c, prefix, cfg.plugin, FACTS_IN_OBJECT, NULL,
			     SPEC_UNIT, outputs[i]);
		CHECK(run_in(c.argv, env, src) == 0);
		release_args(&c);
	}

	stats = ccache_stats(ccache, env);
	CHECK(stats != NULL);
	if (stats) {
		long hits = ccache_stat(stats, "direct_cache_hit") +
			    ccache_stat(stats, "preprocessed_cache_hit");

		CHECK(ccache_stat(stats, "cache_miss") == 1);
		CHECK(hits == 1);
		if (hits != 1)
			fprintf(stderr, "  ccache statistics:\n%s", stats);
	}
	free(stats);

	/* The object from the cache has the same facts as the first. */
	for (i = 0; i < 2; i++) {
		search_path(outputs[i], &r[i]);
		CHECK(r[i].rc == 0);
		CHECK(r[i].found.n == 1);
	}
	if (r[0].found.n == 1 && r[1].found.n == 1)
		CHECK(same_bytes(r[1].found.bytes[0], r[1].found.lens[0],
				 r[0].found.bytes[0], r[0].found.lens[0]));
	check_units(&r[1].found, true, false);
	search_release(&r[0]);
	search_release(&r[1]);
out:
	free(ccache);
	free(config);
	free(dir_env);
	free(config_env);
	free(outputs[0]);
	free(outputs[1]);
}

/* --- distcc ------------------------------------------------------------- */

/* A TCP port on 127.0.0.1 that is free now, or 0. */
static unsigned int free_port(void)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);
	unsigned int port = 0;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return 0;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&addr, &len) == 0)
		port = ntohs(addr.sin_port);
	close(fd);
	return port;
}

static bool port_accepts(unsigned int port)
{
	struct sockaddr_in addr;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	bool ok;

	if (fd < 0)
		return false;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((uint16_t)port);
	ok = connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0;
	close(fd);
	return ok;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/*
 * Start DISTCCD on 127.0.0.1:PORT in a process group of its own, logging
 * to LOG. Returns its pid once it accepts connections, or -1 when it
 * exited or did not listen within 10 seconds.
 */
static pid_t start_distccd(const char *distccd, unsigned int port,
			   const char *const env[], const char *log)
{
	char port_arg[16];
	const char *const argv[] = {
		distccd, "--daemon", "--no-detach", "--listen", "127.0.0.1",
		"--allow", "127.0.0.1", "--port", port_arg, "--jobs", "1",
		"--log-stderr", "--log-level", "info", NULL,
	};
	pid_t pid;
	int i, status;

	snprintf(port_arg, sizeof(port_arg), "%u", port);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setpgid(0, 0);
		prepare_child(env, work, log);
		execv(distccd, (char *const *)argv);
		fprintf(stderr, "cannot run %s: %s\n", distccd,
			strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	for (i = 0; i < 100; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return -1;
		if (port_accepts(port))
			return pid;
		sleep_ms(100);
	}
	kill(-pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/*
 * Stop the daemon's process group and reap all of it: the test process
 * is a child subreaper, so the workers that outlive the daemon are its
 * children too.
 */
static void stop_distccd(pid_t pid)
{
	int status, i;

	kill(-pid, SIGTERM);
	for (i = 0; i < 100; i++) {
		pid_t done = waitpid(-pid, &status, WNOHANG);

		if (done < 0 && errno == ECHILD)
			return;
		if (done <= 0)
			sleep_ms(100);
	}
	fprintf(stderr, "  distccd did not stop within 10 s of SIGTERM; killing it\n");
	kill(-pid, SIGKILL);
	while (waitpid(-pid, &status, 0) > 0 || errno == EINTR)
		;
}

/* PATH in single quotes for sh, with every ' written as '\''. */
static char *shell_quote(const char *path)
{
	size_t len = 3, i, n = 0;
	char *quoted;

	for (i = 0; path[i]; i++)
		len += path[i] == '\'' ? 4 : 1;
	quoted = test_xrealloc(NULL, len);
	quoted[n++] = '\'';
	for (i = 0; path[i]; i++) {
		if (path[i] == '\'') {
			memcpy(quoted + n, "'\\''", 4);
			n += 4;
		} else {
			quoted[n++] = path[i];
		}
	}
	quoted[n++] = '\'';
	quoted[n] = '\0';
	return quoted;
}

/*
 * distccd (3.4) rejects any -fplugin= argument from a client, so the
 * server side names the plugin: its command list (DISTCC_CMDLIST) allows
 * one compiler, a script that runs GCC with -fplugin=. Clients pass only
 * -fplugin-arg-kapi_check-facts. The script and a copy of the plugin sit
 * in WORK, which the daemon's workers (user "nobody" under root) can read.
 */
static char *write_distcc_compiler(char **cmdlist)
{
	char *plugin = path_join(work, "kapi_check.so");
	char *script = path_join(work, "kapi-gcc");
	char *gcc_q = shell_quote(cfg.gcc), *plugin_q = shell_quote(plugin);
	char *text = format("#!/bin/sh\nexec %s -fplugin=%s \"$@\"\n", gcc_q,
			    plugin_q);

	CHECK(copy_file(cfg.plugin, plugin, 0755));
	CHECK(write_file(script, text, strlen(text)));
	CHECK(chmod(script, 0755) == 0);
	free(text);

	*cmdlist = path_join(work, "distccd-commands");
	text = format("%s\n", script);
	CHECK(write_file(*cmdlist, text, strlen(text)));
	free(text);
	free(gcc_q);
	free(plugin_q);
	free(plugin);
	return script;
}

static void distcc_remote_compile_keeps_facts(void)
{
	char *distcc = require_program("distcc", "distcc");
	char *distccd = require_program("distccd", "distcc");
	char *log = path_join(work, "distccd.log");
	char *object = path_join(work, "spec.o");
	char *state = path_join(work, "distcc-state");
	char *script = NULL, *cmdlist = NULL, *cmdlist_env = NULL;
	char *state_env = format("DISTCC_DIR=%s", state), *hosts_env = NULL;
	unsigned int port = 0, attempt;
	pid_t daemon = -1;
	struct search_result r;

	CHECK(distcc != NULL);
	CHECK(distccd != NULL);
	if (!distcc || !distccd)
		goto out;
	CHECK(make_folder(state));
	script = write_distcc_compiler(&cmdlist);
	cmdlist_env = format("DISTCC_CMDLIST=%s", cmdlist);

	if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
		fprintf(stderr, "  cannot become a child subreaper: %s\n",
			strerror(errno));
	/* Another process may take the free port first: try a few. */
	for (attempt = 0; attempt < 5 && daemon < 0; attempt++) {
		const char *const env[] = { cmdlist_env, state_env,
					    "DISTCC_CMDLIST_NUMWORDS", NULL };

		port = free_port();
		if (port)
			daemon = start_distccd(distccd, port, env, log);
	}
	CHECK(daemon > 0);
	if (daemon < 0) {
		fprintf(stderr, "  distccd did not start on 127.0.0.1; its log:\n");
		print_log(log);
		goto out;
	}

	hosts_env = format("DISTCC_HOSTS=127.0.0.1:%u/1", port);
	{
		/* Compile remotely or fail: no fallback to a local compile. */
		const char *const env[] = {
			hosts_env, state_env, "DISTCC_FALLBACK=0",
			"DISTCC_SKIP_LOCAL_RETRY=1", "DISTCC_VERBOSE=1", NULL,
		};
		const char *const prefix[] = { distcc, script, NULL };
		struct compile_args c;

		compile_args(&c, prefix, NULL, FACTS_IN_OBJECT, NULL,
			     SPEC_UNIT, object);
		CHECK(run_in(c.argv, env, src) == 0);
		release_args(&c);
	}
	stop_distccd(daemon);

	{
		/*
		 * The client's own report (DISTCC_VERBOSE) that the server
		 * compiled the unit. The daemon's log is no proof: its
		 * workers log the result after sending it, so the stop may
		 * cut those lines off.
		 */
		char *client_log = path_join(work, "command.log");
		char *remote = format("on 127.0.0.1:%u/1 completed ok", port);
		size_t len;
		unsigned char *text = read_whole_file(client_log, &len);

		CHECK(text != NULL);
		if (text)
			CHECK(contains((char *)text, remote));
		free(text);
		free(remote);
		free(client_log);
	}
	search_path(object, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	check_units(&r.found, true, false);
	search_release(&r);
out:
	free(distcc);
	free(distccd);
	free(log);
	free(object);
	free(state);
	free(script);
	free(cmdlist);
	free(cmdlist_env);
	free(state_env);
	free(hosts_env);
}

/* --- corrupt and foreign input ------------------------------------------ */

static void foreign_version_names_object(void)
{
	static const char old[] = "kapi-facts 3 12\nunit \"old.c\"\n";
	char *plain = compile_unit(HELPER_UNIT, "plain.o", NO_PLUGIN, NULL);
	char *text = path_join(work, "old.txt");
	char *object = path_join(work, "old.o");
	char *archive = path_join(work, "old.a");
	char *member;
	const char *const add[] = { cfg.objcopy, "--add-section",
				    KAPI_FACTS_SECTION "=old.txt", "plain.o",
				    "old.o", NULL };
	const char *const ar[] = { cfg.ar, "rcs", "old.a", "old.o", NULL };
	const char *paths[] = { object, archive };
	unsigned int i;

	CHECK(write_file(text, old, sizeof(old) - 1));
	CHECK(run(add) == 0);
	CHECK(run(ar) == 0);
	member = path_join(work, "old.a(old.o)");

	for (i = 0; i < 2; i++) {
		struct kapi_arena *arena = kapi_arena_new();
		struct kapi_unit_facts *units = NULL;
		unsigned int nunits = 0;
		const char *err = NULL;
		struct search_result r;

		search_path(paths[i], &r);
		CHECK(r.rc == 0);
		CHECK(r.found.n == 1);
		if (r.found.n == 1) {
			CHECK(kapi_facts_read(arena, r.found.origins[0],
					      r.found.bytes[0],
					      r.found.lens[0], &units,
					      &nunits, &err) == -1);
			CHECK(contains(err, i == 0 ? object : member));
			CHECK(contains(err, "version 3"));
		}
		search_release(&r);
		kapi_arena_free(arena);
	}
	free(plain);
	free(text);
	free(object);
	free(archive);
	free(member);
}

static void truncated_object_is_error(void)
{
	char *spec = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_OBJECT, NULL);
	size_t len, cuts[3], i;
	unsigned char *bytes = read_whole_file(spec, &len);

	CHECK(bytes != NULL);
	CHECK(len > 200);
	if (!bytes || len <= 200)
		goto out;
	/* In the header; in the section header table at the end; by one. */
	cuts[0] = 40;
	cuts[1] = len - 100;
	cuts[2] = len - 1;
	for (i = 0; i < 3; i++) {
		char *cut = path_join(work, "cut.o");
		struct search_result r;

		CHECK(write_file(cut, bytes, cuts[i]));
		search_path(cut, &r);
		CHECK(r.rc == -1);
		CHECK(r.found.n == 0);
		CHECK(contains(r.err, cut));
		CHECK(contains(r.err, "truncated"));
		search_release(&r);
		free(cut);
	}
out:
	free(bytes);
	free(spec);
}

/* Set the size field of archive member MEMBER ("name/") to SIZE. */
static bool patch_member_size(unsigned char *bytes, size_t len,
			      const char *member, const char *size)
{
	size_t at = 8;

	while (at + 60 <= len) {
		unsigned long long n = strtoull((char *)bytes + at + 48, NULL,
						10);

		if (strncmp((char *)bytes + at, member, strlen(member)) == 0) {
			memset(bytes + at + 48, ' ', 10);
			memcpy(bytes + at + 48, size, strlen(size));
			return true;
		}
		at += 60 + n + (n & 1);
	}
	fprintf(stderr, "  member %s not found in the archive\n", member);
	return false;
}

static void bad_member_size_is_error(void)
{
	char *spec = compile_unit(SPEC_UNIT, "spec.o", FACTS_IN_OBJECT, NULL);
	char *helper = compile_unit(HELPER_UNIT, "helper.o", FACTS_IN_OBJECT,
				    NULL);
	char *archive = path_join(work, "lib.a");
	char *bad = path_join(work, "bad.a");
	const char *const ar[] = { cfg.ar, "rcs", "lib.a", "spec.o",
				   "helper.o", NULL };
	static const char *const sizes[] = { "99999999", "12x" };
	unsigned char *bytes;
	size_t len;
	unsigned int i;

	CHECK(run(ar) == 0);
	bytes = read_whole_file(archive, &len);
	CHECK(bytes != NULL);
	for (i = 0; bytes && i < 2; i++) {
		unsigned char *copy = test_xrealloc(NULL, len + 1);
		struct search_result r;

		memcpy(copy, bytes, len + 1);
		CHECK(patch_member_size(copy, len, "helper.o/", sizes[i]));
		CHECK(write_file(bad, copy, len));
		search_path(bad, &r);
		CHECK(r.rc == -1);
		CHECK(contains(r.err, bad));
		CHECK(contains(r.err, i == 0 ? "claims 99999999 bytes"
					     : "is not a decimal number"));
		/* The member before the bad one was still found. */
		CHECK(r.found.n == 1);
		search_release(&r);
		free(copy);
	}
	free(bytes);
	free(spec);
	free(helper);
	free(archive);
	free(bad);
}

/* --- main --------------------------------------------------------------- */

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "object", object_has_facts },
	{ "elf-layouts", object_every_elf_layout },
	{ "archive", archive_has_facts },
	{ "thin-archive", thin_archive_has_facts },
	{ "ld-r", ld_r_keeps_both_units },
	{ "folder", folder_has_facts },
	{ "facts-dir", facts_dir_file },
	{ "facts-dir-names", facts_dir_names_differ },
	{ "ccache", ccache_hit_keeps_facts },
	{ "distcc", distcc_remote_compile_keeps_facts },
	{ "foreign-version", foreign_version_names_object },
	{ "truncated-object", truncated_object_is_error },
	{ "bad-member-size", bad_member_size_is_error },
};

static void usage(void)
{
	unsigned int i;

	fprintf(stderr, "usage: test_build_outputs CASE --gcc GCC --plugin SO --fixtures DIR --include DIR ... --ar AR --ld LD --objcopy OBJCOPY\ncases:");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		fprintf(stderr, " %s", cases[i].name);
	fprintf(stderr, "\n");
	exit(2);
}

static const char *absolute_path(const char *path)
{
	char *full = realpath(path, NULL);

	if (!full) {
		fprintf(stderr, "cannot find %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return full;
}

static void parse_args(int argc, char **argv)
{
	int i;

	for (i = 2; i + 1 < argc; i += 2) {
		const char *key = argv[i], *value = argv[i + 1];

		if (strcmp(key, "--gcc") == 0)
			cfg.gcc = value;
		else if (strcmp(key, "--plugin") == 0)
			cfg.plugin = value;
		else if (strcmp(key, "--fixtures") == 0)
			cfg.fixtures = value;
		else if (strcmp(key, "--ar") == 0)
			cfg.ar = value;
		else if (strcmp(key, "--ld") == 0)
			cfg.ld = value;
		else if (strcmp(key, "--objcopy") == 0)
			cfg.objcopy = value;
		else if (strcmp(key, "--include") == 0 &&
			 cfg.nincludes < MAX_INCLUDES)
			cfg.includes[cfg.nincludes++] = value;
		else
			usage();
	}
	if (i != argc || !cfg.gcc || !cfg.plugin || !cfg.fixtures ||
	    !cfg.ar || !cfg.ld || !cfg.objcopy)
		usage();

	/* The compilers run in other folders: make the paths absolute. */
	cfg.plugin = absolute_path(cfg.plugin);
	cfg.fixtures = absolute_path(cfg.fixtures);
	for (i = 0; i < (int)cfg.nincludes; i++)
		cfg.includes[i] = absolute_path(cfg.includes[i]);
}

int main(int argc, char **argv)
{
	unsigned int i;

	if (argc < 2)
		usage();
	parse_args(argc, argv);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) != 0)
			continue;
		set_up(cases[i].name);
		cases[i].run();
		fprintf(stderr, "%s %s\n", unit_failures ? "FAIL" : "PASS",
			cases[i].name);
		tear_down();
		return UNIT_EXIT();
	}
	usage();
	return 2;
}
