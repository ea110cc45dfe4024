// SPDX-License-Identifier: GPL-2.0-only
/*
 * kerneldoc_dsl.c - write the spec macros of one kerneldoc API spec (the
 * tags that kerneldoc.c read) and judge every value on the way
 *
 * The output uses the macros that the RFC v2 DSL (and so
 * include/kapi-compat) and the later framework headers share, and closes
 * entries with "}," as the framework's own generator does, so it compiles
 * against either. A "#line" directive before each macro names the
 * kerneldoc line it comes from: a compiler error in a value, or a finding
 * at the spec, points into the comment.
 *
 * Where the framework's generator guesses, this writer reports an error
 * instead: an unknown capability type, a lock flag that is not a boolean,
 * an error name that is not an errno name. One generator quirk is not
 * copied: a lock that is both "acquired: true" and "released: true" gets
 * neither macro, which compiles to "acquired and released inside" in every
 * layout (the PATCH v1 and v2 generators wrote both, which compiles to
 * scope RELEASES in the layouts with a lock scope).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kerneldoc.h"

/* Each known tag and the keys that may be indented under it. */
static const char *const no_keys[] = { NULL };
static const char *const param_keys[] = {
	"type", "constraint-type", "cdesc", "desc", "arch-mask", NULL,
};
static const char *const return_keys[] = {
	"type", "check-type", "success", "success-range", "error-values",
	"desc", NULL,
};
static const char *const error_keys[] = { "desc", "condition", NULL };
static const char *const lock_keys[] = {
	"type", "acquired", "released", "held-on-entry", "held-on-exit",
	"desc", NULL,
};
static const char *const signal_keys[] = {
	"direction", "action", "condition", "desc", "errno", "error",
	"timing", "priority", "restartable", "interruptible", "queue",
	"target", "transform-to", "sa-flags-required", "sa-flags-forbidden",
	"state-required", "state-forbidden", NULL,
};
static const char *const cap_keys[] = {
	"type", "allows", "without", "condition", "priority", NULL,
};
static const char *const effect_keys[] = {
	"target", "condition", "desc", "reversible", NULL,
};
static const char *const trans_keys[] = {
	"from", "to", "condition", "desc", NULL,
};
static const char *const constraint_keys[] = { "desc", "expr", NULL };
static const char *const any_keys[] = { "*", NULL };

static const struct {
	const char *tag;
	const char *const *keys;
} tags[] = {
	{ "contexts", no_keys },
	{ "context", no_keys },
	{ "context-flags", no_keys },
	{ "long-desc", no_keys },
	{ "param", param_keys },
	{ "param-count", no_keys },
	{ "return", return_keys },
	{ "error", error_keys },
	{ "lock", lock_keys },
	{ "signal", signal_keys },
	{ "capability", cap_keys },
	{ "side-effect", effect_keys },
	{ "state-trans", trans_keys },
	{ "constraint", constraint_keys },
	{ "struct-field", any_keys },
	{ "struct-field-range", any_keys },
	{ "struct-field-mask", any_keys },
	{ "examples", no_keys },
	{ "notes", no_keys },
};

const char *const *kdoc_tag_keys(const char *tag)
{
	size_t i;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strcmp(tags[i].tag, tag) == 0)
			return tags[i].keys;
	return NULL;
}

/* A word of the kerneldoc language and the C name it stands for. */
struct alias {
	const char *word;
	const char *name;
};

static const struct alias context_aliases[] = {
	{ "process", "KAPI_CTX_PROCESS" },
	{ "softirq", "KAPI_CTX_SOFTIRQ" },
	{ "hardirq", "KAPI_CTX_HARDIRQ" },
	{ "nmi", "KAPI_CTX_NMI" },
	{ "atomic", "KAPI_CTX_ATOMIC" },
	{ "sleepable", "KAPI_CTX_SLEEPABLE" },
	{ "preempt_disabled", "KAPI_CTX_PREEMPT_DISABLED" },
	{ "irq_disabled", "KAPI_CTX_IRQ_DISABLED" },
	{ NULL, NULL },
};

static const struct alias type_aliases[] = {
	{ "void", "KAPI_TYPE_VOID" },
	{ "int", "KAPI_TYPE_INT" },
	{ "uint", "KAPI_TYPE_UINT" },
	{ "ptr", "KAPI_TYPE_PTR" },
	{ "struct", "KAPI_TYPE_STRUCT" },
	{ "union", "KAPI_TYPE_UNION" },
	{ "enum", "KAPI_TYPE_ENUM" },
	{ "func_ptr", "KAPI_TYPE_FUNC_PTR" },
	{ "array", "KAPI_TYPE_ARRAY" },
	{ "fd", "KAPI_TYPE_FD" },
	{ "user_ptr", "KAPI_TYPE_USER_PTR" },
	{ "uptr", "KAPI_TYPE_USER_PTR" },
	{ "path", "KAPI_TYPE_PATH" },
	{ "custom", "KAPI_TYPE_CUSTOM" },
	{ NULL, NULL },
};

static const struct alias flag_aliases[] = {
	{ "input", "KAPI_PARAM_IN" },
	{ "in", "KAPI_PARAM_IN" },
	{ "output", "KAPI_PARAM_OUT" },
	{ "out", "KAPI_PARAM_OUT" },
	{ "inout", "KAPI_PARAM_INOUT" },
	{ "user", "KAPI_PARAM_USER" },
	{ "optional", "KAPI_PARAM_OPTIONAL" },
	{ "const", "KAPI_PARAM_CONST" },
	{ "volatile", "KAPI_PARAM_VOLATILE" },
	{ "dma", "KAPI_PARAM_DMA" },
	{ "aligned", "KAPI_PARAM_ALIGNED" },
	{ NULL, NULL },
};

static const struct alias check_aliases[] = {
	{ "exact", "KAPI_RETURN_EXACT" },
	{ "range", "KAPI_RETURN_RANGE" },
	{ "error_check", "KAPI_RETURN_ERROR_CHECK" },
	{ "fd", "KAPI_RETURN_FD" },
	{ "custom", "KAPI_RETURN_CUSTOM" },
	{ NULL, NULL },
};

static const struct alias lock_aliases[] = {
	{ "mutex", "KAPI_LOCK_MUTEX" },
	{ "spinlock", "KAPI_LOCK_SPINLOCK" },
	{ "rwlock", "KAPI_LOCK_RWLOCK" },
	{ "seqlock", "KAPI_LOCK_SEQLOCK" },
	{ "rcu", "KAPI_LOCK_RCU" },
	{ "semaphore", "KAPI_LOCK_SEMAPHORE" },
	{ "custom", "KAPI_LOCK_CUSTOM" },
	{ NULL, NULL },
};

static const struct alias direction_aliases[] = {
	{ "receive", "KAPI_SIGNAL_RECEIVE" },
	{ "send", "KAPI_SIGNAL_SEND" },
	{ "handle", "KAPI_SIGNAL_HANDLE" },
	{ "block", "KAPI_SIGNAL_BLOCK" },
	{ "ignore", "KAPI_SIGNAL_IGNORE" },
	{ NULL, NULL },
};

static const struct alias action_aliases[] = {
	{ "default", "KAPI_SIGNAL_ACTION_DEFAULT" },
	{ "terminate", "KAPI_SIGNAL_ACTION_TERMINATE" },
	{ "coredump", "KAPI_SIGNAL_ACTION_COREDUMP" },
	{ "stop", "KAPI_SIGNAL_ACTION_STOP" },
	{ "continue", "KAPI_SIGNAL_ACTION_CONTINUE" },
	{ "custom", "KAPI_SIGNAL_ACTION_CUSTOM" },
	{ "return", "KAPI_SIGNAL_ACTION_RETURN" },
	{ "restart", "KAPI_SIGNAL_ACTION_RESTART" },
	{ "queue", "KAPI_SIGNAL_ACTION_QUEUE" },
	{ "discard", "KAPI_SIGNAL_ACTION_DISCARD" },
	{ "transform", "KAPI_SIGNAL_ACTION_TRANSFORM" },
	{ NULL, NULL },
};

static const struct alias timing_aliases[] = {
	{ "before", "before" },
	{ "during", "during" },
	{ "after", "after" },
	{ "entry", "entry" },
	{ "exit", "exit" },
	{ "anytime", "anytime" },
	{ "while_blocked", "while_blocked" },
	{ "while_sleeping", "while_sleeping" },
	{ NULL, NULL },
};

/* The long names first, then the short forms the generator accepts. */
static const struct alias cap_action_aliases[] = {
	{ "bypass_check", "KAPI_CAP_BYPASS_CHECK" },
	{ "increase_limit", "KAPI_CAP_INCREASE_LIMIT" },
	{ "override_restriction", "KAPI_CAP_OVERRIDE_RESTRICTION" },
	{ "grant_permission", "KAPI_CAP_GRANT_PERMISSION" },
	{ "modify_behavior", "KAPI_CAP_MODIFY_BEHAVIOR" },
	{ "access_resource", "KAPI_CAP_ACCESS_RESOURCE" },
	{ "perform_operation", "KAPI_CAP_PERFORM_OPERATION" },
	{ "bypass", "KAPI_CAP_BYPASS_CHECK" },
	{ "limit", "KAPI_CAP_INCREASE_LIMIT" },
	{ "override", "KAPI_CAP_OVERRIDE_RESTRICTION" },
	{ "grant", "KAPI_CAP_GRANT_PERMISSION" },
	{ "modify", "KAPI_CAP_MODIFY_BEHAVIOR" },
	{ "access", "KAPI_CAP_ACCESS_RESOURCE" },
	{ "perform", "KAPI_CAP_PERFORM_OPERATION" },
	{ NULL, NULL },
};

static const struct alias effect_aliases[] = {
	{ "alloc_memory", "KAPI_EFFECT_ALLOC_MEMORY" },
	{ "free_memory", "KAPI_EFFECT_FREE_MEMORY" },
	{ "modify_state", "KAPI_EFFECT_MODIFY_STATE" },
	{ "signal_send", "KAPI_EFFECT_SIGNAL_SEND" },
	{ "file_position", "KAPI_EFFECT_FILE_POSITION" },
	{ "lock_acquire", "KAPI_EFFECT_LOCK_ACQUIRE" },
	{ "lock_release", "KAPI_EFFECT_LOCK_RELEASE" },
	{ "resource_create", "KAPI_EFFECT_RESOURCE_CREATE" },
	{ "resource_destroy", "KAPI_EFFECT_RESOURCE_DESTROY" },
	{ "schedule", "KAPI_EFFECT_SCHEDULE" },
	{ "hardware", "KAPI_EFFECT_HARDWARE" },
	{ "network", "KAPI_EFFECT_NETWORK" },
	{ "filesystem", "KAPI_EFFECT_FILESYSTEM" },
	{ "process_state", "KAPI_EFFECT_PROCESS_STATE" },
	{ NULL, NULL },
};

/* The state of writing one spec. */
struct writer {
	struct kapi_arena *arena;
	const char *file;
	const struct kdoc_block *block;
	struct kapi_kerneldoc_error *err;
	struct kapi_buf arrays;		/* static arrays before the spec */
	struct kapi_buf body;		/* the spec itself */
	unsigned int next_line;		/* the compiler's idea of the next line */
	unsigned int narrays;
};

/* Append one output line that comes from source line LINE. */
static void emit(struct writer *w, unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void emit(struct writer *w, unsigned int line, const char *fmt, ...)
{
	va_list ap;
	char text[2048];

	if (line != w->next_line)
		kapi_buf_printf(&w->body, "#line %u \"%s\"\n", line, w->file);
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	kapi_buf_printf(&w->body, "%s\n", text);
	w->next_line = line + 1;
}

/* TEXT as a C string literal. */
static const char *quoted(struct kapi_arena *arena, const char *text)
{
	struct kapi_buf b = { 0 };
	const char *p, *out;

	kapi_buf_puts(&b, "\"");
	for (p = text ? text : ""; *p; p++) {
		if (*p == '"' || *p == '\\')
			kapi_buf_printf(&b, "\\%c", *p);
		else if ((unsigned char)*p < ' ')
			kapi_buf_puts(&b, " ");
		else
			kapi_buf_printf(&b, "%c", *p);
	}
	kapi_buf_puts(&b, "\"");
	out = kapi_intern(arena, kapi_buf_str(&b));
	kapi_buf_release(&b);
	return out;
}

/* The value of key KEY under ITEM, or NULL; *LINE gets its line. */
static const struct kdoc_item *sub(const struct kdoc_item *item,
				   const char *key)
{
	unsigned int i;

	for (i = 0; i < item->nsubs; i++)
		if (strcmp(item->subs[i].key, key) == 0)
			return &item->subs[i];
	return NULL;
}

static const char *sub_value(const struct kdoc_item *item, const char *key)
{
	const struct kdoc_item *s = sub(item, key);

	return s ? s->value : NULL;
}

static bool is_c_identifier(const char *text, const char *prefix)
{
	const char *p = text;

	if (strncmp(text, prefix, strlen(prefix)) != 0)
		return false;
	if (!*p || isdigit((unsigned char)*p))
		return false;
	for (; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return false;
	return true;
}

static bool is_upper_name(const char *text, const char *prefix)
{
	const char *p;

	if (!is_c_identifier(text, prefix) || strlen(text) == strlen(prefix))
		return false;
	for (p = text; *p; p++)
		if (islower((unsigned char)*p))
			return false;
	return true;
}

/* Whether TEXT is non-empty with balanced parentheses and no quote. */
static bool is_c_expression(const char *text)
{
	int depth = 0;

	if (!text || !*text)
		return false;
	for (; *text; text++) {
		if (*text == '"' || *text == ';')
			return false;
		if (*text == '(')
			depth++;
		else if (*text == ')')
			depth--;
		if (depth < 0)
			return false;
	}
	return depth == 0;
}

static int invalid(struct writer *w, const struct kdoc_item *item,
		   const char *expected)
{
	return kdoc_fail(w->err, item->line,
			 "invalid value '%s' for '%s:', expected %s",
			 item->value, item->key, expected);
}

/* Look WORD up in TABLE, or accept a C name with PREFIX as it is. */
static const char *alias_name(const struct alias *table, const char *word,
			      const char *prefix)
{
	for (; table->word; table++)
		if (strcmp(table->word, word) == 0)
			return table->name;
	if (prefix && is_upper_name(word, prefix))
		return word;
	return NULL;
}

/*
 * Translate the list VALUE, split at ',' and '|', word by word into
 * "NAME | NAME" in *OUT. Returns false on an unknown word.
 */
static bool alias_list(struct writer *w, const struct alias *table,
		       const char *prefix, const char *value, const char **out)
{
	const char *p = value, *result = "";

	while (*p) {
		size_t len = strcspn(p, ",|");
		const char *word = kapi_intern_len(w->arena, p, len);
		const char *name;

		while (*word == ' ' || *word == '\t')
			word++;
		word = kapi_intern_len(w->arena, word, strcspn(word, " \t"));
		if (*word) {
			name = alias_name(table, word, prefix);
			if (!name)
				return false;
			result = *result ? kapi_arena_printf(w->arena, "%s | %s",
							     result, name)
					 : name;
		}
		p += len + (p[len] ? 1 : 0);
	}
	*out = result;
	return *result != '\0';
}

/* Parse a boolean key; "conditional" counts as true (see the lock code). */
static int read_bool(struct writer *w, const struct kdoc_item *item,
		     bool *out)
{
	static const char *const yes[] = { "true", "yes", "1", "conditional" };
	static const char *const no[] = { "false", "no", "0" };
	size_t i;

	*out = false;
	if (!item)
		return 0;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(item->value, yes[i]) == 0)
			return *out = true, 0;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(item->value, no[i]) == 0)
			return 0;
	return invalid(w, item, "true, yes, false, no or conditional");
}

static int read_number(struct writer *w, const struct kdoc_item *item,
		       unsigned long *out)
{
	char *end;

	*out = strtoul(item->value, &end, 0);
	if (!isdigit((unsigned char)item->value[0]) || *end)
		return invalid(w, item, "a number");
	return 0;
}

/*
 * Emit "static const s64 NAME[] = { VALUES };" before the spec, for the
 * enum values of a parameter or the error values of the return.
 */
static const char *emit_array(struct writer *w, const struct kdoc_item *item,
			      const char *values)
{
	const char *name = kapi_arena_printf(w->arena, "__kapi_values_sys_%s_%u",
					     w->block->syscall, w->narrays++);

	kapi_buf_printf(&w->arrays, "#line %u \"%s\"\n", item->line, w->file);
	kapi_buf_printf(&w->arrays, "static const s64 %s[] = { %s };\n",
			name, values);
	return name;
}

/* Split "NAME(ARGS)" into NAME and ARGS; ARGS is NULL without parentheses. */
static bool split_call(struct writer *w, const char *text, const char **name,
		       const char **args)
{
	const char *open = strchr(text, '(');
	size_t len = strlen(text);

	*args = NULL;
	if (!open) {
		*name = text;
		return is_c_identifier(text, "");
	}
	if (text[len - 1] != ')' || !is_c_expression(open))
		return false;
	*name = kapi_intern_len(w->arena, text, (size_t)(open - text));
	*args = kapi_intern_len(w->arena, open + 1, len - (size_t)(open - text) - 2);
	return true;
}

static int write_constraint_type(struct writer *w, const struct kdoc_item *c,
				 const char *cdesc, unsigned int line)
{
	const char *name, *args;

	if (!split_call(w, c->value, &name, &args))
		return invalid(w, c, "a constraint such as range(LOW, HIGH), mask(EXPR), enum(A, B) or custom(FUNCTION)");
	if (strcmp(name, "range") == 0 && args && strchr(args, ',')) {
		emit(w, line, "\t\tKAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)");
		emit(w, line, "\t\tKAPI_PARAM_RANGE(%s)", args);
	} else if (strcmp(name, "mask") == 0 && args && *args) {
		emit(w, line, "\t\tKAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)");
		emit(w, line, "\t\tKAPI_PARAM_VALID_MASK(%s)", args);
	} else if (strcmp(name, "enum") == 0 && args && *args) {
		emit(w, line, "\t\tKAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_ENUM)");
		emit(w, line, "\t\tKAPI_PARAM_ENUM_VALUES(%s)",
		     emit_array(w, c, args));
	} else if (strcmp(name, "custom") == 0 && args &&
		   is_c_identifier(args, "")) {
		emit(w, line, "\t\tKAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_CUSTOM)");
		emit(w, line, "\t\t.validate = %s,", args);
	} else if (strcmp(name, "buffer") == 0 || strcmp(name, "alignment") == 0 ||
		   strcmp(name, "user_string") == 0 ||
		   strcmp(name, "user_path") == 0 ||
		   strcmp(name, "user_ptr") == 0 ||
		   strcmp(name, "power_of_two") == 0 ||
		   strcmp(name, "page_aligned") == 0 ||
		   strcmp(name, "nonzero") == 0) {
		/*
		 * The RFC v2 enum has no value for these kinds (PATCH v4
		 * added them), so they are kept as the constraint's text.
		 */
		if (!cdesc)
			emit(w, line, "\t\tKAPI_PARAM_CONSTRAINT(%s)",
			     quoted(w->arena, c->value));
	} else {
		return invalid(w, c, "a constraint such as range(LOW, HIGH), mask(EXPR), enum(A, B) or custom(FUNCTION)");
	}
	return 0;
}

static int write_param(struct writer *w, const struct kdoc_item *item,
		       unsigned int *count)
{
	const struct kdoc_block *b = w->block;
	const struct kdoc_item *type = sub(item, "type");
	const struct kdoc_item *constraint = sub(item, "constraint-type");
	const struct kdoc_item *arch_mask = sub(item, "arch-mask");
	const char *cdesc = sub_value(item, "cdesc");
	const char *desc = sub_value(item, "desc");
	unsigned int i, index;

	for (index = 0; index < b->nargs; index++)
		if (strcmp(b->args[index].name, item->value) == 0)
			break;
	if (index == b->nargs)
		return kdoc_fail(w->err, item->line,
				 "'param: %s' names no argument of SYSCALL_DEFINE%u(%s) on line %u",
				 item->value, b->nargs, b->syscall,
				 b->syscall_line);
	for (i = 0; !desc && i < b->nparam_docs; i++)
		if (strcmp(b->param_docs[i].name, item->value) == 0)
			desc = b->param_docs[i].text;

	emit(w, item->line, "\tKAPI_PARAM(%u, %s, %s, %s)", index,
	     quoted(w->arena, item->value),
	     quoted(w->arena, b->args[index].type),
	     quoted(w->arena, desc ? desc : ""));
	if (type) {
		char *comma = strchr(type->value, ',');
		const char *word = comma ? kapi_intern_len(w->arena, type->value,
							   (size_t)(comma - type->value))
					 : type->value;
		const char *name = alias_name(type_aliases, word, "KAPI_TYPE_");
		const char *flags;

		if (!name)
			return invalid(w, type, "a type (int, uint, ptr, fd, path, user_ptr, ...) and optional flags");
		emit(w, type->line, "\t\tKAPI_PARAM_TYPE(%s)", name);
		if (comma) {
			if (!alias_list(w, flag_aliases, "KAPI_PARAM_", comma + 1,
					&flags))
				return invalid(w, type, "a type, then flags among input, output, inout, user, optional, const, volatile, dma, aligned");
			emit(w, type->line, "\t\tKAPI_PARAM_FLAGS(%s)", flags);
		}
	}
	if (constraint && write_constraint_type(w, constraint, cdesc,
						constraint->line))
		return -1;
	if (cdesc)
		emit(w, sub(item, "cdesc")->line, "\t\tKAPI_PARAM_CONSTRAINT(%s)",
		     quoted(w->arena, cdesc));
	/*
	 * TODO: arch-mask wraps mask bits in "#ifdef CONFIG_<ARCH>"; its
	 * value format is not known here, so it is rejected.
	 */
	if (arch_mask)
		return kdoc_fail(w->err, arch_mask->line,
				 "'arch-mask:' is not supported by kapi-check kerneldoc; write the mask with constraint-type: mask(EXPR)");
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_return(struct writer *w, const struct kdoc_item *item)
{
	const struct kdoc_item *type = sub(item, "type");
	const struct kdoc_item *check = sub(item, "check-type");
	const struct kdoc_item *success = sub(item, "success");
	const struct kdoc_item *range = sub(item, "success-range");
	const struct kdoc_item *values = sub(item, "error-values");
	const char *desc = sub_value(item, "desc");
	const char *name;

	emit(w, item->line, "\tKAPI_RETURN(\"long\", %s)",
	     quoted(w->arena, desc ? desc : item->value));
	if (type) {
		name = alias_name(type_aliases, type->value, "KAPI_TYPE_");
		if (!name)
			return invalid(w, type, "a type such as int, uint or ptr");
		emit(w, type->line, "\t\tKAPI_RETURN_TYPE(%s)", name);
	}
	if (check) {
		name = alias_name(check_aliases, check->value, "KAPI_RETURN_");
		if (!name)
			return invalid(w, check, "exact, range, error_check, fd or custom");
		emit(w, check->line, "\t\tKAPI_RETURN_CHECK_TYPE(%s)", name);
	}
	if (success) {
		if (!is_c_expression(success->value))
			return invalid(w, success, "a C expression");
		emit(w, success->line, "\t\tKAPI_RETURN_SUCCESS(%s)",
		     success->value);
	}
	if (range) {
		if (!is_c_expression(range->value) || !strchr(range->value, ','))
			return invalid(w, range, "LOW, HIGH");
		emit(w, range->line, "\t\tKAPI_RETURN_SUCCESS_RANGE(%s)",
		     range->value);
	}
	if (values) {
		if (!is_c_expression(values->value))
			return invalid(w, values, "a list of negative errno values");
		emit(w, values->line, "\t\tKAPI_RETURN_ERROR_VALUES(%s)",
		     emit_array(w, values, values->value));
	}
	emit(w, item->line, "\t},");
	return 0;
}

static int write_error(struct writer *w, const struct kdoc_item *item,
		       unsigned int *count)
{
	size_t len = strcspn(item->value, ",");
	const char *name = kapi_intern_len(w->arena, item->value, len);
	const char *summary = item->value[len] ? item->value + len + 1 : "";
	const char *condition = sub_value(item, "condition");
	const char *desc = sub_value(item, "desc");

	while (*summary == ' ')
		summary++;
	if (!is_upper_name(name, "E"))
		return invalid(w, item, "an errno name and a summary, as in 'ENOMEM, Out of memory'");
	emit(w, item->line, "\tKAPI_ERROR(%u, -%s, %s, %s, %s)", *count, name,
	     quoted(w->arena, name),
	     quoted(w->arena, *summary ? summary : condition),
	     quoted(w->arena, desc));
	(*count)++;
	return 0;
}

static int write_lock(struct writer *w, const struct kdoc_item *item,
		      unsigned int *count)
{
	const struct kdoc_item *type = sub(item, "type");
	size_t len = strcspn(item->value, ",");
	const char *name = kapi_intern_len(w->arena, item->value, len);
	const char *kind = "KAPI_LOCK_NONE";
	const char *desc = sub_value(item, "desc");
	bool acquired, released, on_entry, on_exit;

	/* "lock: NAME, KAPI_LOCK_X" is the RFC v4 form of the type. */
	if (item->value[len]) {
		const char *second = item->value + len + 1;

		while (*second == ' ')
			second++;
		if (!is_upper_name(second, "KAPI_LOCK_"))
			return invalid(w, item, "a lock name, optionally followed by ', KAPI_LOCK_<TYPE>'");
		kind = second;
	}
	if (type) {
		kind = alias_name(lock_aliases, type->value, "KAPI_LOCK_");
		if (!kind)
			return invalid(w, type, "mutex, spinlock, rwlock, seqlock, rcu, semaphore or custom");
	}
	if (!*name)
		return invalid(w, item, "a lock name");
	if (read_bool(w, sub(item, "acquired"), &acquired) ||
	    read_bool(w, sub(item, "released"), &released) ||
	    read_bool(w, sub(item, "held-on-entry"), &on_entry) ||
	    read_bool(w, sub(item, "held-on-exit"), &on_exit))
		return -1;

	emit(w, item->line, "\tKAPI_LOCK(%u, %s, %s)", *count,
	     quoted(w->arena, name), kind);
	/* Acquired and released inside is the default: no macro at all. */
	if (acquired && !released)
		emit(w, sub(item, "acquired")->line, "\t\tKAPI_LOCK_ACQUIRED");
	if (released && !acquired)
		emit(w, sub(item, "released")->line, "\t\tKAPI_LOCK_RELEASED");
	if (on_entry)
		emit(w, sub(item, "held-on-entry")->line, "\t\tKAPI_LOCK_HELD_ENTRY");
	if (on_exit)
		emit(w, sub(item, "held-on-exit")->line, "\t\tKAPI_LOCK_HELD_EXIT");
	if (desc)
		emit(w, sub(item, "desc")->line, "\t\tKAPI_LOCK_DESC(%s)",
		     quoted(w->arena, desc));
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_signal_keys(struct writer *w, const struct kdoc_item *item)
{
	unsigned int i;

	for (i = 0; i < item->nsubs; i++) {
		const struct kdoc_item *s = &item->subs[i];
		const char *k = s->key, *name;
		unsigned long number;
		bool flag;

		if (!strcmp(k, "direction") || !strcmp(k, "action"))
			continue;
		if (!strcmp(k, "condition") || !strcmp(k, "desc") ||
		    !strcmp(k, "queue") || !strcmp(k, "target")) {
			emit(w, s->line, "\t\tKAPI_SIGNAL_%s(%s)",
			     !strcmp(k, "condition") ? "CONDITION" :
			     !strcmp(k, "desc") ? "DESC" :
			     !strcmp(k, "queue") ? "QUEUE" : "TARGET",
			     quoted(w->arena, s->value));
		} else if (!strcmp(k, "errno") || !strcmp(k, "error")) {
			name = s->value[0] == '-' ? s->value + 1 : s->value;
			if (!is_upper_name(name, "E"))
				return invalid(w, s, "an errno such as -EINTR");
			emit(w, s->line, "\t\tKAPI_SIGNAL_ERROR(-%s)", name);
		} else if (!strcmp(k, "timing")) {
			name = alias_name(timing_aliases, s->value, NULL);
			if (!name)
				return invalid(w, s, "before, during, after, entry, exit, anytime, while_blocked or while_sleeping");
			emit(w, s->line, "\t\tKAPI_SIGNAL_TIMING(\"%s\")", name);
		} else if (!strcmp(k, "priority")) {
			if (read_number(w, s, &number))
				return -1;
			emit(w, s->line, "\t\tKAPI_SIGNAL_PRIORITY(%lu)", number);
		} else if (!strcmp(k, "restartable") ||
			   !strcmp(k, "interruptible")) {
			if (read_bool(w, s, &flag))
				return -1;
			if (flag)
				emit(w, s->line, "\t\tKAPI_SIGNAL_%s",
				     !strcmp(k, "restartable") ? "RESTARTABLE"
							       : "INTERRUPTIBLE");
		} else if (!strcmp(k, "transform-to")) {
			if (!is_upper_name(s->value, "SIG"))
				return invalid(w, s, "a signal name such as SIGTERM");
			emit(w, s->line, "\t\tKAPI_SIGNAL_TRANSFORM(%s)", s->value);
		} else {
			/* sa-flags-* and state-*: C expressions. */
			if (!is_c_expression(s->value))
				return invalid(w, s, "a C expression");
			emit(w, s->line, "\t\tKAPI_SIGNAL_%s(%s)",
			     !strcmp(k, "sa-flags-required") ? "SA_FLAGS_REQ" :
			     !strcmp(k, "sa-flags-forbidden") ? "SA_FLAGS_FORBID" :
			     !strcmp(k, "state-required") ? "STATE_REQ"
							  : "STATE_FORBID",
			     s->value);
		}
	}
	return 0;
}

/*
 * A signal is named by its SIG* macro, or by a pseudo-signal name such as
 * "FATAL" with number 0, as the framework's specs do.
 */
static int write_signal(struct writer *w, const struct kdoc_item *item,
			unsigned int *count, bool *uses_signal_numbers)
{
	const struct kdoc_item *direction = sub(item, "direction");
	const struct kdoc_item *action = sub(item, "action");
	const char *dir = "KAPI_SIGNAL_RECEIVE";
	const char *act = "KAPI_SIGNAL_ACTION_DEFAULT";
	bool numbered = is_upper_name(item->value, "SIG");

	if (!*item->value)
		return invalid(w, item, "a signal name");
	if (direction && !alias_list(w, direction_aliases, "KAPI_SIGNAL_",
				     direction->value, &dir))
		return invalid(w, direction, "receive, send, handle, block or ignore");
	if (action) {
		act = alias_name(action_aliases, action->value,
				 "KAPI_SIGNAL_ACTION_");
		if (!act)
			return invalid(w, action, "default, terminate, coredump, stop, continue, custom, return, restart, queue, discard or transform");
	}
	*uses_signal_numbers |= numbered;
	emit(w, item->line, "\tKAPI_SIGNAL(%u, %s, %s, %s, %s)", *count,
	     numbered ? item->value : "0", quoted(w->arena, item->value), dir,
	     act);
	if (write_signal_keys(w, item))
		return -1;
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_capability(struct writer *w, const struct kdoc_item *item,
			    unsigned int *count)
{
	const struct kdoc_item *type = sub(item, "type");
	const struct kdoc_item *priority = sub(item, "priority");
	const char *action = "KAPI_CAP_PERFORM_OPERATION";
	unsigned long number;

	/* "capability: none" means that no capability is involved. */
	if (strcmp(item->value, "none") == 0)
		return 0;
	if (!is_upper_name(item->value, "CAP_"))
		return invalid(w, item, "a capability such as CAP_SYS_ADMIN, or none");
	if (type) {
		action = alias_name(cap_action_aliases, type->value, "KAPI_CAP_");
		if (!action)
			return invalid(w, type, "bypass_check, increase_limit, override_restriction, grant_permission, modify_behavior, access_resource or perform_operation");
	}
	emit(w, item->line, "\tKAPI_CAPABILITY(%u, %s, %s, %s)", *count,
	     item->value, quoted(w->arena, item->value), action);
	if (sub(item, "allows"))
		emit(w, sub(item, "allows")->line, "\t\tKAPI_CAP_ALLOWS(%s)",
		     quoted(w->arena, sub_value(item, "allows")));
	if (sub(item, "without"))
		emit(w, sub(item, "without")->line, "\t\tKAPI_CAP_WITHOUT(%s)",
		     quoted(w->arena, sub_value(item, "without")));
	if (sub(item, "condition"))
		emit(w, sub(item, "condition")->line, "\t\tKAPI_CAP_CONDITION(%s)",
		     quoted(w->arena, sub_value(item, "condition")));
	if (priority) {
		if (read_number(w, priority, &number))
			return -1;
		emit(w, priority->line, "\t\tKAPI_CAP_PRIORITY(%lu)", number);
	}
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_side_effect(struct writer *w, const struct kdoc_item *item,
			     unsigned int *count)
{
	const struct kdoc_item *reversible = sub(item, "reversible");
	const char *types;
	bool flag;

	if (!alias_list(w, effect_aliases, "KAPI_EFFECT_", item->value, &types))
		return invalid(w, item, "effects such as modify_state | alloc_memory");
	emit(w, item->line, "\tKAPI_SIDE_EFFECT(%u, %s, %s, %s)", *count, types,
	     quoted(w->arena, sub_value(item, "target")),
	     quoted(w->arena, sub_value(item, "desc")));
	if (sub(item, "condition"))
		emit(w, sub(item, "condition")->line, "\t\tKAPI_EFFECT_CONDITION(%s)",
		     quoted(w->arena, sub_value(item, "condition")));
	if (read_bool(w, reversible, &flag))
		return -1;
	if (flag)
		emit(w, reversible->line, "\t\tKAPI_EFFECT_REVERSIBLE");
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_state_trans(struct writer *w, const struct kdoc_item *item,
			     unsigned int *count)
{
	if (!*item->value)
		return invalid(w, item, "the object whose state changes");
	emit(w, item->line, "\tKAPI_STATE_TRANS(%u, %s, %s, %s, %s)", *count,
	     quoted(w->arena, item->value),
	     quoted(w->arena, sub_value(item, "from")),
	     quoted(w->arena, sub_value(item, "to")),
	     quoted(w->arena, sub_value(item, "desc")));
	if (sub(item, "condition"))
		emit(w, sub(item, "condition")->line, "\t\tKAPI_STATE_TRANS_COND(%s)",
		     quoted(w->arena, sub_value(item, "condition")));
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_constraint(struct writer *w, const struct kdoc_item *item,
			    unsigned int *count)
{
	if (!*item->value)
		return invalid(w, item, "a constraint name");
	emit(w, item->line, "\tKAPI_CONSTRAINT(%u, %s, %s)", *count,
	     quoted(w->arena, item->value),
	     quoted(w->arena, sub_value(item, "desc")));
	if (sub(item, "expr"))
		emit(w, sub(item, "expr")->line, "\t\tKAPI_CONSTRAINT_EXPR(%s)",
		     quoted(w->arena, sub_value(item, "expr")));
	emit(w, item->line, "\t},");
	(*count)++;
	return 0;
}

static int write_contexts(struct writer *w, const struct kdoc_item *item)
{
	const char *flags;

	if (!alias_list(w, context_aliases, "KAPI_CTX_", item->value, &flags))
		return invalid(w, item, "contexts among process, softirq, hardirq, nmi, atomic, sleepable, preempt_disabled, irq_disabled");
	emit(w, item->line, "\tKAPI_CONTEXT(%s)", flags);
	return 0;
}

/* Entry counts of one spec, written after the entries. */
struct counts {
	unsigned int params, errors, locks, signals, caps, effects, trans,
		     constraints;
	const struct kdoc_item *param_count;
	const struct kdoc_item *contexts;	/* the context tag, or NULL */
};

/*
 * The size of each entry array of the spec, as the compat headers declare
 * it (KAPI_MAX_*). A tag past it would write an index the array does not
 * have, and the header would not compile.
 * NOTE: the framework's own headers of some versions hold more
 * constraints and side effects (32); these are the smaller sizes.
 */
static const struct {
	const char *tag;
	size_t count;			/* offset in struct counts */
	unsigned int max;
	const char *macro;
} entry_limits[] = {
	{ "param", offsetof(struct counts, params), 16, "KAPI_MAX_PARAMS" },
	{ "error", offsetof(struct counts, errors), 32, "KAPI_MAX_ERRORS" },
	{ "lock", offsetof(struct counts, locks), 16, "KAPI_MAX_LOCKS" },
	{ "signal", offsetof(struct counts, signals), 32, "KAPI_MAX_SIGNALS" },
	{ "capability", offsetof(struct counts, caps), 8,
	  "KAPI_MAX_CAPABILITIES" },
	{ "side-effect", offsetof(struct counts, effects), 16,
	  "KAPI_MAX_SIDE_EFFECTS" },
	{ "state-trans", offsetof(struct counts, trans), 8,
	  "KAPI_MAX_STATE_TRANS" },
	{ "constraint", offsetof(struct counts, constraints), 16,
	  "KAPI_MAX_CONSTRAINTS" },
};

/* Fail when ITEM would be one entry more than its array holds. */
static int check_room(struct writer *w, const struct kdoc_item *item,
		      const struct counts *n)
{
	size_t i;

	for (i = 0; i < sizeof(entry_limits) / sizeof(entry_limits[0]); i++) {
		const unsigned int *count = (const unsigned int *)
			((const char *)n + entry_limits[i].count);

		if (strcmp(item->key, entry_limits[i].tag) != 0 ||
		    *count < entry_limits[i].max)
			continue;
		return kdoc_fail(w->err, item->line,
				 "too many '%s:' tags: this is number %u, but a spec holds at most %u (%s); split the entries or merge some",
				 item->key, *count + 1, entry_limits[i].max,
				 entry_limits[i].macro);
	}
	return 0;
}

static bool is_context_tag(const char *key)
{
	return !strcmp(key, "contexts") || !strcmp(key, "context") ||
	       !strcmp(key, "context-flags");
}

static int write_item(struct writer *w, const struct kdoc_item *item,
		      struct counts *n, bool *uses_signal_numbers)
{
	const char *k = item->key;

	if (check_room(w, item, n))
		return -1;

	if (is_context_tag(k)) {
		if (n->contexts)
			return kdoc_fail(w->err, item->line,
					 "a second '%s:' tag; the spec's contexts are already given on line %u, so list them all in that one tag",
					 k, n->contexts->line);
		n->contexts = item;
		return write_contexts(w, item);
	}
	if (!strcmp(k, "long-desc") || !strcmp(k, "examples") ||
	    !strcmp(k, "notes")) {
		emit(w, item->line, "\tKAPI_%s(%s)",
		     !strcmp(k, "long-desc") ? "LONG_DESC" :
		     !strcmp(k, "examples") ? "EXAMPLES" : "NOTES",
		     quoted(w->arena, item->value));
		return 0;
	}
	if (!strcmp(k, "param-count")) {
		n->param_count = item;
		return 0;
	}
	if (!strcmp(k, "param"))
		return write_param(w, item, &n->params);
	if (!strcmp(k, "return"))
		return write_return(w, item);
	if (!strcmp(k, "error"))
		return write_error(w, item, &n->errors);
	if (!strcmp(k, "lock"))
		return write_lock(w, item, &n->locks);
	if (!strcmp(k, "signal"))
		return write_signal(w, item, &n->signals, uses_signal_numbers);
	if (!strcmp(k, "capability"))
		return write_capability(w, item, &n->caps);
	if (!strcmp(k, "side-effect"))
		return write_side_effect(w, item, &n->effects);
	if (!strcmp(k, "state-trans"))
		return write_state_trans(w, item, &n->trans);
	if (!strcmp(k, "constraint"))
		return write_constraint(w, item, &n->constraints);
	/*
	 * TODO: struct-field, struct-field-range and struct-field-mask are
	 * recognised but not translated; the spec keeps no struct layouts.
	 */
	emit(w, item->line, "\t/* '%s:' is not translated by kapi-check */", k);
	return 0;
}

static int write_counts(struct writer *w, const struct counts *n)
{
	static const char *const macros[] = {
		"KAPI_ERROR_COUNT", "KAPI_LOCK_COUNT", "KAPI_SIGNAL_COUNT",
		"KAPI_CAPABILITY_COUNT", "KAPI_SIDE_EFFECT_COUNT",
		"KAPI_STATE_TRANS_COUNT", "KAPI_CONSTRAINT_COUNT",
	};
	const unsigned int values[] = {
		n->errors, n->locks, n->signals, n->caps, n->effects, n->trans,
		n->constraints,
	};
	unsigned int line = w->next_line - 1;
	unsigned long params = n->params;
	size_t i;

	if (n->param_count && read_number(w, n->param_count, &params))
		return -1;
	if (params)
		emit(w, n->param_count ? n->param_count->line : line,
		     "\tKAPI_PARAM_COUNT(%lu)", params);
	for (i = 0; i < sizeof(macros) / sizeof(macros[0]); i++)
		if (values[i])
			emit(w, line, "\t%s(%u)", macros[i], values[i]);
	return 0;
}

int kdoc_write_spec(struct kapi_arena *arena, const char *file,
		    const struct kdoc_block *block, struct kapi_buf *out,
		    struct kapi_kerneldoc_error *err)
{
	struct writer w = { arena, file, block, err, { 0 }, { 0 }, 0, 0 };
	struct counts n = { 0 };
	bool uses_signal_numbers = false;
	unsigned int i;
	int rc = 0;

	emit(&w, block->line, "DEFINE_KERNEL_API_SPEC(sys_%s)", block->syscall);
	emit(&w, block->line, "\tKAPI_DESCRIPTION(%s)",
	     quoted(arena, block->summary));
	for (i = 0; i < block->nitems && !rc; i++)
		rc = write_item(&w, &block->items[i], &n, &uses_signal_numbers);
	if (!rc)
		rc = write_counts(&w, &n);
	if (!rc) {
		emit(&w, w.next_line - 1, "};");
		if (uses_signal_numbers)
			kapi_buf_puts(out, "#include <linux/signal.h>\n");
		kapi_buf_puts(out, kapi_buf_str(&w.arrays));
		kapi_buf_puts(out, kapi_buf_str(&w.body));
	}
	kapi_buf_release(&w.arrays);
	kapi_buf_release(&w.body);
	return rc;
}
