// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kerneldoc API-spec reader (lib/kerneldoc.c, lib/kerneldoc_dsl.c):
 * which comments become specs, how lock flags translate and where errors
 * point. Every prefix of a valid file is read too: truncated input must
 * end in a result or an error, never in a crash or a read past the end.
 */
#include <stdlib.h>
#include <string.h>

#include "kapi/kerneldoc.h"
#include "unit.h"

static const char good[] =
	"#include <linux/syscalls.h>\n"
	"\n"
	"/**\n"
	" * sys_nap - sleep a while\n"
	" * @len: nap length\n"
	" *\n"
	" * contexts: process, sleepable\n"
	" * param: len\n"
	" *   type: uint, input\n"
	" *   constraint-type: enum(1, 2, 4)\n"
	" * return:\n"
	" *   check-type: exact\n"
	" *   success: 0\n"
	" * error: EINTR, Interrupted\n"
	" *   desc: A signal ended the nap.\n"
	" * lock: nap_lock\n"
	" *   type: mutex\n"
	" *   acquired: true\n"
	" *   released: true\n"
	" * lock: wake_lock\n"
	" *   acquired: conditional\n"
	" *   released: true\n"
	" * lock: held_lock\n"
	" *   acquired: yes\n"
	" * signal: SIGINT\n"
	" *   errno: -EINTR\n"
	" *   interruptible: true\n"
	" * capability: none\n"
	" */\n"
	"SYSCALL_DEFINE1(nap, unsigned int, len)\n"
	"{\n"
	"\treturn 0;\n"
	"}\n";

/* Translate TEXT; the output stays in *OUT for the caller to release. */
static int translate(const char *text, struct kapi_buf *out,
		     struct kapi_kerneldoc_error *err)
{
	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	return kapi_kerneldoc_translate("nap.c", text, out, err);
}

static void test_good_file(void)
{
	struct kapi_kerneldoc_error err;
	struct kapi_buf out;
	const char *text;

	CHECK(translate(good, &out, &err) == 1);
	text = kapi_buf_str(&out);
	CHECK(strstr(text, "DEFINE_KERNEL_API_SPEC(sys_nap)") != NULL);
	CHECK(strstr(text, "#line 3 \"nap.c\"") != NULL);
	CHECK(strstr(text, "KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)") != NULL);
	CHECK(strstr(text, "KAPI_PARAM(0, \"len\", \"unsigned int\", \"nap length\")") != NULL);
	CHECK(strstr(text, "static const s64 __kapi_values_sys_nap_0[] = { 1, 2, 4 };") != NULL);
	CHECK(strstr(text, "KAPI_PARAM_ENUM_VALUES(__kapi_values_sys_nap_0)") != NULL);
	CHECK(strstr(text, "KAPI_ERROR(0, -EINTR, \"EINTR\", \"Interrupted\", \"A signal ended the nap.\")") != NULL);
	CHECK(strstr(text, "KAPI_SIGNAL(0, SIGINT, \"SIGINT\"") != NULL);
	CHECK(strstr(text, "#include <linux/signal.h>") != NULL);
	CHECK(strstr(text, "KAPI_CAPABILITY") == NULL);
	CHECK(strstr(text, "KAPI_LOCK_COUNT(3)") != NULL);
	kapi_buf_release(&out);
}

/*
 * Acquired and released (also "conditional" and "true") gives no role
 * macro; acquired alone gives KAPI_LOCK_ACQUIRED, once.
 */
static void test_lock_roles(void)
{
	struct kapi_kerneldoc_error err;
	struct kapi_buf out;
	const char *text, *acquired;

	CHECK(translate(good, &out, &err) == 1);
	text = kapi_buf_str(&out);
	CHECK(strstr(text, "KAPI_LOCK_RELEASED") == NULL);
	acquired = strstr(text, "KAPI_LOCK_ACQUIRED");
	CHECK(acquired != NULL);
	if (acquired) {
		CHECK(strstr(acquired + 1, "KAPI_LOCK_ACQUIRED") == NULL);
		CHECK(strstr(text, "KAPI_LOCK(2, \"held_lock\"") < acquired);
	}
	kapi_buf_release(&out);
}

static void test_not_specs(void)
{
	static const char no_tags[] =
		"/**\n * sys_nap - sleep a while\n * @len: length\n *\n"
		" * Return: 0.\n */\nSYSCALL_DEFINE1(nap, int, len)\n{ }\n";
	static const char no_context[] =
		"/**\n * sys_nap - sleep a while\n * return: 0 on success\n"
		" */\nSYSCALL_DEFINE0(nap)\n{ return 0; }\n";
	static const char not_syscall[] =
		"/**\n * nap - sleep a while\n * contexts: process\n */\n"
		"int nap(void)\n{ return 0; }\n";
	struct kapi_kerneldoc_error err;
	struct kapi_buf out;

	CHECK(translate(no_tags, &out, &err) == 0);
	CHECK(out.len == 0);
	kapi_buf_release(&out);
	CHECK(translate(no_context, &out, &err) == 0);
	kapi_buf_release(&out);
	CHECK(translate(not_syscall, &out, &err) == 0);
	kapi_buf_release(&out);
}

static void test_error_line(void)
{
	static const char bad[] =
		"/**\n * sys_nap - sleep a while\n * contexts: process\n"
		" * lock: nap_lock\n *   held-on-exit: perhaps\n */\n"
		"SYSCALL_DEFINE0(nap)\n{ return 0; }\n";
	struct kapi_kerneldoc_error err;
	struct kapi_buf out;

	CHECK(translate(bad, &out, &err) == -1);
	CHECK(err.line == 5);
	CHECK(strstr(err.message, "'perhaps' for 'held-on-exit:'") != NULL);
	kapi_buf_release(&out);
}

/* Every prefix of the good file: a result or an error, nothing else. */
static void test_truncated_inputs(void)
{
	size_t len = strlen(good), cut;
	char *prefix = malloc(len + 1);
	unsigned int ok = 0, failed = 0;

	for (cut = 0; prefix && cut <= len; cut++) {
		struct kapi_kerneldoc_error err;
		struct kapi_buf out;
		unsigned int lines = 1;
		size_t i;
		int rc;

		memcpy(prefix, good, cut);
		prefix[cut] = '\0';
		for (i = 0; i < cut; i++)
			lines += prefix[i] == '\n';
		rc = translate(prefix, &out, &err);
		CHECK(rc >= -1);
		CHECK(rc <= 1);
		if (rc < 0) {
			CHECK(err.message[0] != '\0');
			CHECK(err.line >= 1);
			CHECK(err.line <= lines);
			failed++;
		} else {
			ok++;
		}
		kapi_buf_release(&out);
	}
	free(prefix);
	CHECK(ok > 0);
	CHECK(failed > 0);
}

int main(void)
{
	RUN(test_good_file);
	RUN(test_lock_roles);
	RUN(test_not_specs);
	RUN(test_error_line);
	RUN(test_truncated_inputs);
	return UNIT_EXIT();
}
