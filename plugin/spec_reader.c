/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spec objects: find the struct kernel_api_spec variables of the unit and
 * read their initializers into struct kapi_spec.
 *
 * The macros of the spec DSL vanish in the preprocessor, so only the
 * initializer that they leave behind reaches the plugin, for example
 *
 *	static struct kernel_api_spec __kapi_spec_sys_mlock = {
 *		.name = "sys_mlock", .version = 1,
 *		.errors[0] = { .error_code = -ENOMEM, .name = "ENOMEM", ... },
 *		.error_count = 5, ...
 *	};
 *
 * In GCC that is a CONSTRUCTOR whose elements pair a FIELD_DECL with a
 * value; nested structs and arrays are CONSTRUCTORs again. The reader goes
 * by field name only, never by offset, because the struct layout differs
 * between versions of the framework (char arrays or const char pointers,
 * packed or not, magic fields, lock flags or a lock scope, CONFIG_NET
 * members). Members the model has no place for are ignored. A member whose
 * value has an unexpected shape is skipped with a verbose note, so a new
 * framework version degrades to missing data, never to a compiler crash.
 */
#include "kapi_plugin.h"

/* An array designator range [LOW ... HIGH] longer than this is skipped. */
#define RANGE_MAX 4096

/* How a member's value is stored in the model. */
enum member_kind {
	MEMBER_STRING,		/* const char *, interned */
	MEMBER_INT,		/* int64_t */
	MEMBER_BOOL,		/* bool, true for any nonzero value */
	MEMBER_INT_ARRAY,	/* int64_t[], count in has_offset's place */
};

/* One member of a DSL struct and its place in a model entry. */
struct member {
	const char *field;	/* the FIELD_DECL name */
	enum member_kind kind;
	size_t offset;		/* of the value in the model entry */
	long has_offset;	/* of its "has_" flag, or -1 */
};

#define NO_FLAG (-1L)
#define FLAG(type, field) ((long)offsetof(type, field))

static const struct member param_members[] = {
	{ "name", MEMBER_STRING, offsetof(struct kapi_spec_param, name), NO_FLAG },
	{ "type_name", MEMBER_STRING, offsetof(struct kapi_spec_param, type_name), NO_FLAG },
	{ "type", MEMBER_INT, offsetof(struct kapi_spec_param, type), NO_FLAG },
	{ "flags", MEMBER_INT, offsetof(struct kapi_spec_param, flags), NO_FLAG },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

static const struct member error_members[] = {
	{ "error_code", MEMBER_INT, offsetof(struct kapi_spec_error, code),
	  FLAG(struct kapi_spec_error, has_code) },
	{ "name", MEMBER_STRING, offsetof(struct kapi_spec_error, name), NO_FLAG },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

static const struct member lock_members[] = {
	{ "lock_name", MEMBER_STRING, offsetof(struct kapi_spec_lock, name), NO_FLAG },
	{ "lock_type", MEMBER_INT, offsetof(struct kapi_spec_lock, lock_type), NO_FLAG },
	{ "acquired", MEMBER_BOOL, offsetof(struct kapi_spec_lock, acquired), NO_FLAG },
	{ "released", MEMBER_BOOL, offsetof(struct kapi_spec_lock, released), NO_FLAG },
	{ "held_on_entry", MEMBER_BOOL, offsetof(struct kapi_spec_lock, held_on_entry), NO_FLAG },
	{ "held_on_exit", MEMBER_BOOL, offsetof(struct kapi_spec_lock, held_on_exit), NO_FLAG },
	{ "scope", MEMBER_INT, offsetof(struct kapi_spec_lock, scope),
	  FLAG(struct kapi_spec_lock, has_scope) },
	{ "description", MEMBER_STRING, offsetof(struct kapi_spec_lock, description), NO_FLAG },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

static const struct member signal_members[] = {
	{ "signal_num", MEMBER_INT, offsetof(struct kapi_spec_signal, signal_num), NO_FLAG },
	{ "signal_name", MEMBER_STRING, offsetof(struct kapi_spec_signal, signal_name), NO_FLAG },
	{ "direction", MEMBER_INT, offsetof(struct kapi_spec_signal, direction), NO_FLAG },
	{ "action", MEMBER_INT, offsetof(struct kapi_spec_signal, action), NO_FLAG },
	{ "error_on_signal", MEMBER_INT, offsetof(struct kapi_spec_signal, error_on_signal),
	  FLAG(struct kapi_spec_signal, has_error) },
	{ "restartable", MEMBER_BOOL, offsetof(struct kapi_spec_signal, restartable), NO_FLAG },
	{ "interruptible", MEMBER_BOOL, offsetof(struct kapi_spec_signal, interruptible), NO_FLAG },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

static const struct member cap_members[] = {
	{ "capability", MEMBER_INT, offsetof(struct kapi_spec_capability, capability),
	  FLAG(struct kapi_spec_capability, has_capability) },
	{ "cap_name", MEMBER_STRING, offsetof(struct kapi_spec_capability, cap_name), NO_FLAG },
	{ "action", MEMBER_INT, offsetof(struct kapi_spec_capability, action), NO_FLAG },
	{ "alternative", MEMBER_INT_ARRAY,
	  offsetof(struct kapi_spec_capability, alternatives),
	  FLAG(struct kapi_spec_capability, nalternatives) },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

/* KAPI_CHECK_EXCEPTION() entries, a member that only the compat header has. */
static const struct member exception_members[] = {
	{ "check", MEMBER_STRING, offsetof(struct kapi_spec_exception, check), NO_FLAG },
	{ "value", MEMBER_STRING, offsetof(struct kapi_spec_exception, value), NO_FLAG },
	{ "reason", MEMBER_STRING, offsetof(struct kapi_spec_exception, reason), NO_FLAG },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

/*
 * success_min and success_max share one flag: either of them makes the
 * spec state a range, and the other then keeps its default 0.
 */
static const struct member return_members[] = {
	{ "type_name", MEMBER_STRING, offsetof(struct kapi_spec_return, type_name), NO_FLAG },
	{ "check_type", MEMBER_INT, offsetof(struct kapi_spec_return, check_type),
	  FLAG(struct kapi_spec_return, has_check_type) },
	{ "success_value", MEMBER_INT, offsetof(struct kapi_spec_return, success_value),
	  FLAG(struct kapi_spec_return, has_success_value) },
	{ "success_min", MEMBER_INT, offsetof(struct kapi_spec_return, success_min),
	  FLAG(struct kapi_spec_return, has_success_range) },
	{ "success_max", MEMBER_INT, offsetof(struct kapi_spec_return, success_max),
	  FLAG(struct kapi_spec_return, has_success_range) },
	{ NULL, MEMBER_INT, 0, NO_FLAG },
};

/* Top-level count fields and the model member each one fills. */
static const struct {
	const char *field;
	size_t offset;
} count_fields[] = {
	{ "param_count", offsetof(struct kapi_spec, param_count) },
	{ "error_count", offsetof(struct kapi_spec, error_count) },
	{ "lock_count", offsetof(struct kapi_spec, lock_count) },
	{ "signal_count", offsetof(struct kapi_spec, signal_count) },
	{ "signal_mask_count", offsetof(struct kapi_spec, signal_mask_count) },
	{ "capability_count", offsetof(struct kapi_spec, capability_count) },
	{ "constraint_count", offsetof(struct kapi_spec, constraint_count) },
	{ "side_effect_count", offsetof(struct kapi_spec, side_effect_count) },
	{ "state_trans_count", offsetof(struct kapi_spec, state_trans_count) },
	{ "struct_spec_count", offsetof(struct kapi_spec, struct_spec_count) },
};

/* Top-level arrays whose entries are only counted, for the count checks. */
static const struct {
	const char *field;
	size_t offset;
} counted_arrays[] = {
	{ "constraints", offsetof(struct kapi_spec, nconstraints) },
	{ "signal_masks", offsetof(struct kapi_spec, nsignal_masks) },
	{ "side_effects", offsetof(struct kapi_spec, nside_effects) },
	{ "state_transitions", offsetof(struct kapi_spec, nstate_trans) },
	{ "struct_specs", offsetof(struct kapi_spec, nstruct_specs) },
};

typedef void *(*add_entry_fn)(struct kapi_arena *, struct kapi_spec *, int);

static void *add_param(struct kapi_arena *arena, struct kapi_spec *spec,
		       int index)
{
	return kapi_spec_add_param(arena, spec, index);
}

static void *add_error(struct kapi_arena *arena, struct kapi_spec *spec,
		       int index)
{
	return kapi_spec_add_error(arena, spec, index);
}

static void *add_lock(struct kapi_arena *arena, struct kapi_spec *spec,
		      int index)
{
	return kapi_spec_add_lock(arena, spec, index);
}

static void *add_signal(struct kapi_arena *arena, struct kapi_spec *spec,
			int index)
{
	return kapi_spec_add_signal(arena, spec, index);
}

static void *add_cap(struct kapi_arena *arena, struct kapi_spec *spec,
		     int index)
{
	return kapi_spec_add_cap(arena, spec, index);
}

static void *add_exception(struct kapi_arena *arena, struct kapi_spec *spec,
			   int index)
{
	return kapi_spec_add_exception(arena, spec, index);
}

/* A top-level array whose entries the model keeps. */
struct entry_array {
	const char *field;
	add_entry_fn add;
	const struct member *members;
};

static const struct entry_array entry_arrays[] = {
	{ "params", add_param, param_members },
	{ "errors", add_error, error_members },
	{ "locks", add_lock, lock_members },
	{ "signals", add_signal, signal_members },
	{ "capabilities", add_cap, cap_members },
	{ "check_exceptions", add_exception, exception_members },
};

struct reader {
	struct kapi_arena *arena;
	struct kapi_spec *spec;
	location_t loc;			/* for verbose notes */
	const char *var_name;
};

static const char *field_name(tree field)
{
	if (!field || TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
		return NULL;
	return IDENTIFIER_POINTER(DECL_NAME(field));
}

/* Look through the conversions the front end may wrap around a value. */
static tree strip_conversions(tree value)
{
	while (value && (CONVERT_EXPR_P(value) ||
			 TREE_CODE(value) == NON_LVALUE_EXPR ||
			 TREE_CODE(value) == VIEW_CONVERT_EXPR))
		value = TREE_OPERAND(value, 0);
	return value;
}

/*
 * Read an integer constant. A value of a 64-bit unsigned type above
 * INT64_MAX keeps its bits, as a conversion to a signed type would.
 */
static bool read_int(tree value, int64_t *out)
{
	value = strip_conversions(value);
	if (!value || TREE_CODE(value) != INTEGER_CST)
		return false;
	if (tree_fits_shwi_p(value)) {
		*out = tree_to_shwi(value);
		return true;
	}
	if (tree_fits_uhwi_p(value)) {
		*out = (int64_t)tree_to_uhwi(value);
		return true;
	}
	return false;
}

/*
 * Read a string member: a STRING_CST for a char array member, or its
 * address (possibly of element 0) for a const char * member.
 */
static bool read_string(struct reader *r, tree value, const char **out)
{
	value = strip_conversions(value);
	if (value && TREE_CODE(value) == ADDR_EXPR)
		value = strip_conversions(TREE_OPERAND(value, 0));
	if (value && TREE_CODE(value) == ARRAY_REF &&
	    integer_zerop(TREE_OPERAND(value, 1)))
		value = TREE_OPERAND(value, 0);
	if (!value || TREE_CODE(value) != STRING_CST)
		return false;

	/* TREE_STRING_LENGTH counts the terminating NUL when there is one. */
	*out = kapi_intern_len(r->arena, TREE_STRING_POINTER(value),
			       strnlen(TREE_STRING_POINTER(value),
				       TREE_STRING_LENGTH(value)));
	return true;
}

static void note_skipped(struct reader *r, const char *where,
			 const char *field, tree value)
{
	kapi_verbose(r->loc, "spec '%s': member '%s%s' has an unexpected "
		     "initializer (%s); it is skipped", r->var_name, where,
		     field, value ? get_tree_code_name(TREE_CODE(value))
				  : "none");
}

/*
 * Skip a member whose initializer is not EXPECTED ("a string literal"),
 * and record it for kapi_spec_validate(), which reports it. Either the C
 * types of the struct differ from the framework's, or a cast forced a
 * value of another kind into the member.
 */
static void note_bad_member(struct reader *r, const char *where,
			    const char *field, tree value,
			    const char *expected)
{
	note_skipped(r, where, field, value);
	if (r->spec)
		kapi_spec_add_bad_member(r->arena, r->spec,
					 kapi_arena_printf(r->arena, "%s%s",
							   where, field),
					 expected);
}

/* Store VALUE into ENTRY at the place and in the kind that MEMBER gives. */
/*
 * Read an int array initializer (alternative[] of a capability) into the
 * int64_t array at MEMBER's offset and its length into the unsigned int
 * at MEMBER's has_offset. Indexes past KAPI_SPEC_MAX_ALTERNATIVES are
 * skipped with a verbose note.
 */
static void read_int_array(struct reader *r, char *base,
			   const struct member *member, tree value,
			   const char *where)
{
	int64_t *values = (int64_t *)(base + member->offset);
	unsigned int *count = (unsigned int *)(base + member->has_offset);
	unsigned HOST_WIDE_INT i;
	tree index, elt;
	unsigned int at = 0;

	if (!value || TREE_CODE(value) != CONSTRUCTOR) {
		note_bad_member(r, where, member->field, value,
				"an array initializer");
		return;
	}
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(value), i, index, elt) {
		int64_t number;

		if (index && TREE_CODE(index) == INTEGER_CST &&
		    tree_fits_uhwi_p(index))
			at = (unsigned int)tree_to_uhwi(index);
		if (at >= KAPI_SPEC_MAX_ALTERNATIVES) {
			note_skipped(r, where, member->field, elt);
			at++;
			continue;
		}
		if (!read_int(elt, &number)) {
			note_bad_member(r, where,
					kapi_arena_printf(r->arena, "%s[%u]",
							  member->field, at),
					elt, "an integer constant");
			at++;
			continue;
		}
		values[at] = number;
		if (at + 1 > *count)
			*count = at + 1;
		at++;
	}
}

static void read_member(struct reader *r, void *entry,
			const struct member *member, tree value,
			const char *where)
{
	char *base = (char *)entry;
	int64_t number;

	if (member->kind == MEMBER_STRING) {
		if (read_string(r, value, (const char **)(base + member->offset)))
			return;
		/* NULL in a pointer member is a string left out. */
		if (value && integer_zerop(strip_conversions(value)))
			note_skipped(r, where, member->field, value);
		else
			note_bad_member(r, where, member->field, value,
					"a string literal");
		return;
	}
	if (member->kind == MEMBER_INT_ARRAY) {
		read_int_array(r, base, member, value, where);
		return;
	}

	if (!read_int(value, &number)) {
		note_bad_member(r, where, member->field, value,
				"an integer constant");
		return;
	}
	if (member->kind == MEMBER_BOOL)
		*(bool *)(base + member->offset) = number != 0;
	else
		*(int64_t *)(base + member->offset) = number;
	if (member->has_offset != NO_FLAG)
		*(bool *)(base + member->has_offset) = true;
}

/* Fill ENTRY from the struct initializer CTOR, member by member. */
static void read_struct(struct reader *r, void *entry,
			const struct member *members, tree ctor,
			const char *where)
{
	unsigned HOST_WIDE_INT i;
	tree field, value;

	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, value) {
		const char *name = field_name(field);
		const struct member *m;

		/* An anonymous struct or union: its members are ours. */
		if (!name && value && TREE_CODE(value) == CONSTRUCTOR) {
			read_struct(r, entry, members, value, where);
			continue;
		}
		if (!name)
			continue;
		for (m = members; m->field; m++) {
			if (strcmp(m->field, name) == 0) {
				read_member(r, entry, m, value, where);
				break;
			}
		}
	}
}

/*
 * Call VISIT for each entry of the array initializer CTOR with its index.
 * An element's index is an INTEGER_CST for [N] =, NULL_TREE for the
 * position after the previous element, or a RANGE_EXPR for the GNU
 * [LOW ... HIGH] = designator, which gives every index in the range the
 * same value.
 */
typedef void (*visit_fn)(struct reader *r, int index, tree value,
			 const void *data);

static void walk_array(struct reader *r, const char *field, tree ctor,
		       visit_fn visit, const void *data)
{
	unsigned HOST_WIDE_INT i;
	tree index, value;
	int64_t next = 0;

	/* A struct initializer where the array belongs: no index to read. */
	if (TREE_TYPE(ctor) && TREE_CODE(TREE_TYPE(ctor)) != ARRAY_TYPE) {
		note_bad_member(r, "", field, ctor, "an array initializer");
		return;
	}
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, index, value) {
		int64_t low = next, high = next;

		if (index && TREE_CODE(index) == RANGE_EXPR) {
			if (!read_int(TREE_OPERAND(index, 0), &low) ||
			    !read_int(TREE_OPERAND(index, 1), &high) ||
			    high < low || high - low >= RANGE_MAX) {
				note_skipped(r, "", field, index);
				continue;
			}
		} else if (index && !read_int(index, &low)) {
			note_skipped(r, "", field, index);
			continue;
		} else {
			high = low;
		}
		if (low < 0 || high > INT_MAX) {
			note_skipped(r, "", field, index);
			continue;
		}

		for (int64_t n = low; n <= high; n++)
			visit(r, (int)n, value, data);
		next = high + 1;
	}
}

static void count_entry(struct reader *r, int index, tree value,
			const void *data)
{
	unsigned int *count = (unsigned int *)data;

	(*count)++;
}

static void read_entry(struct reader *r, int index, tree value,
		       const void *data)
{
	const struct entry_array *array = (const struct entry_array *)data;
	char where[64];
	void *entry;

	entry = array->add(r->arena, r->spec, index);
	if (!value || TREE_CODE(value) != CONSTRUCTOR) {
		note_bad_member(r, "",
				kapi_arena_printf(r->arena, "%s[%d]",
						  array->field, index),
				value, "a struct initializer");
		return;
	}
	snprintf(where, sizeof(where), "%s[%d].", array->field, index);
	read_struct(r, entry, array->members, value, where);
}

/* Handle one top-level member; returns false when none of ours. */
static bool read_top_member(struct reader *r, const char *name, tree value)
{
	struct kapi_spec *spec = r->spec;
	char *base = (char *)spec;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(count_fields); i++) {
		struct kapi_spec_count *count;

		if (strcmp(name, count_fields[i].field) != 0)
			continue;
		count = (struct kapi_spec_count *)(base +
						   count_fields[i].offset);
		if (read_int(value, &count->value))
			count->present = true;
		else
			note_bad_member(r, "", name, value,
					"an integer constant");
		return true;
	}

	for (i = 0; i < ARRAY_SIZE(entry_arrays); i++) {
		if (strcmp(name, entry_arrays[i].field) != 0)
			continue;
		if (value && TREE_CODE(value) == CONSTRUCTOR)
			walk_array(r, name, value, read_entry, &entry_arrays[i]);
		else
			note_bad_member(r, "", name, value,
					"an array initializer");
		return true;
	}

	for (i = 0; i < ARRAY_SIZE(counted_arrays); i++) {
		if (strcmp(name, counted_arrays[i].field) != 0)
			continue;
		if (value && TREE_CODE(value) == CONSTRUCTOR)
			walk_array(r, name, value, count_entry,
				   base + counted_arrays[i].offset);
		else
			note_bad_member(r, "", name, value,
					"an array initializer");
		return true;
	}

	if (strcmp(name, "return_spec") == 0) {
		if (value && TREE_CODE(value) == CONSTRUCTOR) {
			spec->ret.present = true;
			read_struct(r, &spec->ret, return_members, value,
				    "return_spec.");
		} else {
			note_bad_member(r, "", name, value,
					"a struct initializer");
		}
		return true;
	}
	return false;
}

static void read_top_level(struct reader *r, tree ctor)
{
	unsigned HOST_WIDE_INT i;
	tree field, value;

	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, value) {
		const char *name = field_name(field);

		if (!name && value && TREE_CODE(value) == CONSTRUCTOR)
			read_top_level(r, value);
		else if (name)
			read_top_member(r, name, value);
	}
}

/* Find the value of the top-level member NAME in CTOR, or NULL_TREE. */
static tree find_member(tree ctor, const char *name)
{
	unsigned HOST_WIDE_INT i;
	tree field, value;

	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, value) {
		const char *fname = field_name(field);

		if (fname && strcmp(fname, name) == 0)
			return value;
	}
	return NULL_TREE;
}

/* Find the FIELD_DECL named NAME in the struct or union TYPE. */
static tree find_field(tree type, const char *name)
{
	tree field;

	if (!type || !RECORD_OR_UNION_TYPE_P(type))
		return NULL_TREE;
	for (field = TYPE_FIELDS(type); field; field = DECL_CHAIN(field)) {
		const char *fname = field_name(field);

		if (fname && strcmp(fname, name) == 0)
			return field;
	}
	return NULL_TREE;
}

/*
 * Whether a variable of the unit points at DECL: PATCH v3 and later put
 * only "static const struct kernel_api_spec * const __kapi_spec_ptr_NAME
 * = &__kapi_spec_NAME" into section .kapi_specs.
 */
static bool has_section_pointer(tree decl)
{
	varpool_node *node;

	FOR_EACH_VARIABLE(node) {
		tree init = DECL_INITIAL(node->decl);

		if (node->decl == decl || !init)
			continue;
		init = strip_conversions(init);
		if (init && TREE_CODE(init) == ADDR_EXPR &&
		    TREE_OPERAND(init, 0) == decl)
			return true;
	}
	return false;
}

/*
 * Name the framework version whose struct kernel_api_spec TYPE is, from
 * the members that tell the versions apart (see tests/layouts):
 *
 *	scope and magics, global const or pointed to  PATCH v3 to v4
 *	scope and magics, static in the section       RFC v5 to PATCH v2
 *	magics, lock flags                            RFC v4
 *	api_type                                      RFC v2
 *	capabilities, no api_type                     RFC v3
 *	no capabilities                               RFC v1
 *
 * A mix that no version has (a scope without magics) is "an unknown
 * layout"; the spec is read by member name all the same.
 */
static const char *layout_version(tree type, tree decl, bool scope)
{
	bool magic = find_field(type, "param_magic") != NULL_TREE;

	if (scope && magic)
		return has_section_pointer(decl) ||
		       (TREE_PUBLIC(decl) && TREE_READONLY(decl))
			? "PATCH v3 to v4" : "RFC v5 to PATCH v2";
	if (scope)
		return NULL;
	if (magic)
		return "RFC v4";
	if (find_field(type, "api_type"))
		return "RFC v2";
	if (find_field(type, "capabilities"))
		return "RFC v3";
	return "RFC v1";
}

/*
 * Describe which generation of struct kernel_api_spec the spec DECL uses:
 * the version it matches, then the features that tell them apart: how
 * strings are stored, whether each section has a magic field, and how a
 * lock's role is written.
 */
static const char *describe_layout(struct kapi_arena *arena, tree decl)
{
	tree type = TYPE_MAIN_VARIANT(TREE_TYPE(decl));
	tree name = find_field(type, "name");
	tree locks = find_field(type, "locks");
	tree lock_type = NULL_TREE;
	const char *strings = "unknown strings";
	const char *lock_role = "no locks";
	const char *version;
	bool scope;

	if (name && TREE_CODE(TREE_TYPE(name)) == ARRAY_TYPE)
		strings = "char arrays";
	else if (name && POINTER_TYPE_P(TREE_TYPE(name)))
		strings = "pointer strings";

	if (locks && TREE_CODE(TREE_TYPE(locks)) == ARRAY_TYPE)
		lock_type = TREE_TYPE(TREE_TYPE(locks));
	scope = find_field(lock_type, "scope") != NULL_TREE;
	if (scope)
		lock_role = "lock scope";
	else if (find_field(lock_type, "acquired"))
		lock_role = "lock flags";

	version = layout_version(type, decl, scope);
	return kapi_arena_printf(arena, "%s%s layout (%s, %s, %s)",
				 version ? "the " : "an unknown",
				 version ? version : "", strings,
				 find_field(type, "param_magic")
					 ? "section magics" : "no magics",
				 lock_role);
}

static bool type_is_named(tree type, const char *name)
{
	tree type_name = TYPE_NAME(type);

	/*
	 * The C front end names a struct tag with an IDENTIFIER_NODE, the
	 * C++ front end with a TYPE_DECL.
	 */
	if (type_name && TREE_CODE(type_name) == TYPE_DECL)
		type_name = DECL_NAME(type_name);
	return type_name && TREE_CODE(type_name) == IDENTIFIER_NODE &&
	       strcmp(IDENTIFIER_POINTER(type_name), name) == 0;
}

/*
 * Whether DECL is a spec object: a variable of type struct kernel_api_spec
 * (const or not, possibly through a typedef) with an initializer.
 */
bool kapi_is_spec_var(tree decl)
{
	tree type, init;

	if (!decl || TREE_CODE(decl) != VAR_DECL || !DECL_NAME(decl))
		return false;
	type = TREE_TYPE(decl);
	if (!type)
		return false;
	type = TYPE_MAIN_VARIANT(type);
	if (TREE_CODE(type) != RECORD_TYPE ||
	    !type_is_named(type, "kernel_api_spec"))
		return false;
	init = DECL_INITIAL(decl);
	return init && TREE_CODE(init) == CONSTRUCTOR;
}

/* Read the spec object DECL, which kapi_is_spec_var() accepted. */
/*
 * Spec parameter types that are one identifier ("size_t", "u32") and the
 * type each typedef stands for, looked up when the spec's declaration is
 * finished: by the time the pass runs, the C front end has popped its
 * file-scope bindings. Kept for the whole compilation.
 */
struct typedef_note {
	char *name;
	char *base;
};

static struct typedef_note *typedef_notes;
static unsigned int ntypedef_notes;

static bool is_identifier(const char *text)
{
	const char *c;

	if (!text || !*text || ISDIGIT(*text))
		return false;
	for (c = text; *c; c++)
		if (!ISALNUM(*c) && *c != '_')
			return false;
	return true;
}

static const char *typedef_base(const char *name)
{
	unsigned int i;

	for (i = 0; i < ntypedef_notes; i++)
		if (strcmp(typedef_notes[i].name, name) == 0)
			return typedef_notes[i].base;
	return NULL;
}

/* Record the typedef NAME resolves to, if it names one at file scope. */
static void note_typedef(const char *name)
{
	tree decl;

	if (!is_identifier(name) || typedef_base(name))
		return;
	decl = identifier_global_value(get_identifier(name));
	if (!decl || TREE_CODE(decl) != TYPE_DECL || !TREE_TYPE(decl))
		return;
	typedef_notes = XRESIZEVEC(struct typedef_note, typedef_notes,
				   ntypedef_notes + 1);
	typedef_notes[ntypedef_notes].name = xstrdup(name);
	typedef_notes[ntypedef_notes].base = print_generic_expr_to_str(
		TYPE_MAIN_VARIANT(TREE_TYPE(decl)));
	ntypedef_notes++;
}

void kapi_note_spec_typedefs(void *gcc_data, void *user_data)
{
	tree decl = (tree)gcc_data;
	tree params, value;
	unsigned HOST_WIDE_INT i;
	struct reader r;

	/* Only the C family has the bindings (see gcc-common.h). */
	if (!&identifier_global_value || !decl || !kapi_is_spec_var(decl))
		return;
	params = find_member(DECL_INITIAL(decl), "params");
	if (!params || TREE_CODE(params) != CONSTRUCTOR)
		return;

	memset(&r, 0, sizeof(r));
	r.arena = kapi_arena_new();
	FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(params), i, value) {
		tree type_name;
		const char *text;

		if (TREE_CODE(value) != CONSTRUCTOR)
			continue;
		type_name = find_member(value, "type_name");
		if (type_name && read_string(&r, type_name, &text))
			note_typedef(text);
	}
	kapi_arena_free(r.arena);
}

/* Give each spec parameter the type its typedef name stands for. */
static void resolve_param_typedefs(struct kapi_arena *arena,
				   struct kapi_spec *spec)
{
	unsigned int i;

	for (i = 0; i < spec->params.n; i++) {
		struct kapi_spec_param *p = &spec->params.v[i];
		const char *base = p->type_name ? typedef_base(p->type_name) :
			NULL;

		if (base)
			p->base_type_name = kapi_intern(arena, base);
	}
}

struct kapi_spec *kapi_read_spec(struct kapi_arena *arena, tree decl)
{
	tree ctor = DECL_INITIAL(decl);
	const char *var_name = IDENTIFIER_POINTER(DECL_NAME(decl));
	const char *name = NULL;
	struct reader r;
	location_t loc;
	tree name_value;

	/*
	 * DEFINE_KERNEL_API_SPEC(sys_mlock) declares the variable inside its
	 * expansion, so the declaration's location is virtual. Its expansion
	 * point is the macro's line in the .c file, where a reader of a
	 * finding about the spec wants to look.
	 */
	loc = linemap_resolve_location(line_table, DECL_SOURCE_LOCATION(decl),
				       LRK_MACRO_EXPANSION_POINT, NULL);

	r.arena = arena;
	r.spec = NULL;
	r.loc = loc;
	r.var_name = var_name;

	name_value = find_member(ctor, "name");
	if (!name_value || !read_string(&r, name_value, &name)) {
		/* The variable is __kapi_spec_<name> in every version. */
		const char *prefix = "__kapi_spec_";

		if (strncmp(var_name, prefix, strlen(prefix)) == 0)
			name = kapi_intern(arena, var_name + strlen(prefix));
		else
			name = kapi_intern(arena, var_name);
		kapi_verbose(loc, "spec '%s' has no readable .name; using '%s'",
			     var_name, name);
	}

	r.spec = kapi_spec_new(arena, name, kapi_intern(arena, var_name),
			       kapi_loc_from_gcc(arena, loc));
	/* A .name that is no string is reported, a missing one is not. */
	if (name_value && !read_string(&r, name_value, &name))
		kapi_spec_add_bad_member(arena, r.spec, "name",
					 "a string literal");
	r.spec->layout = describe_layout(arena, decl);
	read_top_level(&r, ctor);
	resolve_param_typedefs(arena, r.spec);

	kapi_verbose(loc, "read spec '%s' from '%s', %s: %u params, %u errors, "
		     "%u locks, %u signals, %u capabilities", r.spec->name,
		     var_name, r.spec->layout, r.spec->params.n,
		     r.spec->errors.n, r.spec->locks.n, r.spec->signals.n,
		     r.spec->caps.n);
	return r.spec;
}
