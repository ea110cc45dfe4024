// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi_find_facts() on ELF files, archives and folders that the test
 * writes byte by byte. The cases: every ELF class and byte order, extended
 * section numbering, GNU and BSD archive names, thin archives, folder
 * order and symbolic link loops. Corrupt input must give an error naming
 * the file, and never a crash or a read out of bounds (valgrind and the
 * fuzz tests' sanitizers check the latter).
 */
#define _XOPEN_SOURCE 700

#include <stdint.h>
#include <sys/types.h>

#include "tool_test.h"

#define FACTS_TEXT "kapi-facts 1 11\nunit \"a.c\"\n"

/* --- an ELF writer ------------------------------------------------------ */

struct bytes {
	unsigned char *p;
	size_t len;
};

static void put_bytes(struct bytes *b, size_t at, const void *src, size_t n)
{
	if (at + n > b->len) {
		b->p = test_xrealloc(b->p, at + n);
		memset(b->p + b->len, 0, at + n - b->len);
		b->len = at + n;
	}
	memcpy(b->p + at, src, n);
}

/* Store VALUE in SIZE bytes at AT, in the byte order of BIG_ENDIAN. */
static void put_uint(struct bytes *b, size_t at, unsigned int size,
		     uint64_t value, bool big_endian)
{
	unsigned char buf[8];
	unsigned int i;

	for (i = 0; i < size; i++) {
		unsigned int shift = 8 * (big_endian ? size - 1 - i : i);

		buf[i] = (unsigned char)(value >> shift);
	}
	put_bytes(b, at, buf, size);
}

struct test_section {
	const char *name;
	uint32_t type;
	uint64_t flags;
	const char *data;
	size_t len;
};

#define SHT_PROGBITS 1
#define SHT_STRTAB 3
#define SHT_NOBITS 8

struct elf_options {
	bool is64;
	bool big_endian;
	bool extended;		/* section count and name index in section 0 */
};

/* Where the writer put things, for the tests that corrupt them. */
struct elf_image {
	struct bytes b;
	struct elf_options opt;
	size_t shoff;
	size_t shentsize;
	unsigned int nsections;	/* with the null section and .shstrtab */
};

/* Offsets of section header fields for one class. */
static size_t sh_offset_field(bool is64)
{
	return is64 ? 24 : 16;
}

static size_t sh_size_field(bool is64)
{
	return is64 ? 32 : 20;
}

/*
 * Write an ELF relocatable file: the header, each section's data, the
 * section name table, then the section header table. Section 0 is the
 * null section and the name table comes last.
 */
static void build_elf(struct elf_image *img, struct elf_options opt,
		      const struct test_section *secs, unsigned int n)
{
	bool big = opt.big_endian, is64 = opt.is64;
	unsigned int word = is64 ? 8 : 4, i;
	size_t header = is64 ? 64 : 52, at = header;
	size_t *data_at = calloc(n + 2, sizeof(size_t));
	size_t *name_at = calloc(n + 2, sizeof(size_t));
	struct bytes names = { NULL, 0 };
	struct bytes *b = &img->b;

	memset(img, 0, sizeof(*img));
	img->opt = opt;
	img->nsections = n + 2;
	img->shentsize = is64 ? 64 : 40;

	/* The name table: "", the sections' names, ".shstrtab". */
	put_bytes(&names, 0, "", 1);
	for (i = 0; i < n; i++) {
		name_at[i + 1] = names.len;
		put_bytes(&names, names.len, secs[i].name,
			  strlen(secs[i].name) + 1);
	}
	name_at[n + 1] = names.len;
	put_bytes(&names, names.len, ".shstrtab", sizeof(".shstrtab"));

	put_bytes(b, 0, "\177ELF", 4);
	put_uint(b, 4, 1, is64 ? 2 : 1, big);
	put_uint(b, 5, 1, big ? 2 : 1, big);
	put_uint(b, 6, 1, 1, big);
	put_uint(b, 16, 2, 1, big);			/* ET_REL */
	put_uint(b, 18, 2, is64 ? 62 : 3, big);		/* a machine */
	put_uint(b, 20, 4, 1, big);			/* EV_CURRENT */

	for (i = 0; i < n; i++) {
		data_at[i + 1] = at;
		if (secs[i].type != SHT_NOBITS && secs[i].len) {
			put_bytes(b, at, secs[i].data, secs[i].len);
			at += secs[i].len;
		}
	}
	data_at[n + 1] = at;
	put_bytes(b, at, names.p, names.len);
	at += names.len;
	at = (at + 7) & ~(size_t)7;
	img->shoff = at;

	put_uint(b, is64 ? 0x28 : 0x20, word, img->shoff, big);
	put_uint(b, is64 ? 0x34 : 0x28, 2, header, big);
	put_uint(b, is64 ? 0x3a : 0x2e, 2, img->shentsize, big);
	put_uint(b, is64 ? 0x3c : 0x30, 2, opt.extended ? 0 : n + 2, big);
	put_uint(b, is64 ? 0x3e : 0x32, 2, opt.extended ? 0xffff : n + 1,
		 big);

	/* The null section, which carries the real values when extended. */
	put_bytes(b, img->shoff + (n + 2) * img->shentsize - 1, "", 1);
	if (opt.extended) {
		put_uint(b, img->shoff + sh_size_field(is64), word, n + 2, big);
		put_uint(b, img->shoff + (is64 ? 40 : 24), 4, n + 1, big);
	}
	for (i = 1; i < n + 2; i++) {
		size_t h = img->shoff + i * img->shentsize;
		bool names_section = i == n + 1;

		put_uint(b, h, 4, name_at[i], big);
		put_uint(b, h + 4, 4,
			 names_section ? SHT_STRTAB : secs[i - 1].type, big);
		put_uint(b, h + 8, word, names_section ? 0 : secs[i - 1].flags,
			 big);
		put_uint(b, h + sh_offset_field(is64), word, data_at[i], big);
		put_uint(b, h + sh_size_field(is64), word,
			 names_section ? names.len : secs[i - 1].len, big);
	}
	free(names.p);
	free(data_at);
	free(name_at);
}

/* Patch a word-sized field of section header INDEX. */
static void patch_section(struct elf_image *img, unsigned int index,
			  size_t field, uint64_t value)
{
	unsigned int word = img->opt.is64 ? 8 : 4;

	put_uint(&img->b, img->shoff + index * img->shentsize + field, word,
		 value, img->opt.big_endian);
}

static const struct test_section facts_and_text[] = {
	{ ".text", SHT_PROGBITS, 6, "\xc3", 1 },
	{ KAPI_FACTS_SECTION, SHT_PROGBITS, 0, FACTS_TEXT,
	  sizeof(FACTS_TEXT) - 1 },
};

/* The folder for this run's files, made by main(). */
static char *work;

/* Write BYTES to WORK/NAME; return the path, which the caller frees. */
static char *work_file(const char *name, const void *bytes, size_t len)
{
	char *path = path_join(work, name);

	CHECK(write_file(path, bytes, len));
	return path;
}

static void search_image(const char *name, const struct elf_image *img,
			 struct search_result *r)
{
	char *path = work_file(name, img->b.p, img->b.len);

	search_path(path, r);
	free(path);
}

/* --- ELF ---------------------------------------------------------------- */

static void elf_every_class_and_order(void)
{
	static const struct {
		const char *name;
		bool is64, big_endian;
	} kinds[] = {
		{ "elf64-little.o", true, false },
		{ "elf64-big.o", true, true },
		{ "elf32-little.o", false, false },
		{ "elf32-big.o", false, true },
	};
	unsigned int i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct elf_options opt = { kinds[i].is64, kinds[i].big_endian,
					   false };
		struct elf_image img;
		struct search_result r;
		char *expected_origin = path_join(work, kinds[i].name);

		build_elf(&img, opt, facts_and_text, 2);
		search_image(kinds[i].name, &img, &r);
		CHECK(r.rc == 0);
		CHECK(r.skipped == 0);
		CHECK(r.found.n == 1);
		if (r.found.n == 1) {
			CHECK(same_string(r.found.origins[0],
					  expected_origin));
			CHECK(r.found.lens[0] == sizeof(FACTS_TEXT) - 1);
			CHECK(same_string((char *)r.found.bytes[0],
					  FACTS_TEXT));
		}
		search_release(&r);
		free(expected_origin);
		free(img.b.p);
	}
}

static void elf_extended_numbering(void)
{
	struct elf_options opts[] = {
		{ true, false, true },
		{ false, true, true },
	};
	unsigned int i;

	for (i = 0; i < 2; i++) {
		struct elf_image img;
		struct search_result r;

		build_elf(&img, opts[i], facts_and_text, 2);
		search_image("extended.o", &img, &r);
		CHECK(r.rc == 0);
		CHECK(r.found.n == 1);
		if (r.found.n == 1)
			CHECK(same_string((char *)r.found.bytes[0],
					  FACTS_TEXT));
		search_release(&r);
		free(img.b.p);
	}
}

static void elf_two_facts_sections(void)
{
	static const struct test_section secs[] = {
		{ KAPI_FACTS_SECTION, SHT_PROGBITS, 0, "first", 5 },
		{ ".data", SHT_PROGBITS, 3, "xx", 2 },
		{ KAPI_FACTS_SECTION, SHT_PROGBITS, 0, "second", 6 },
	};
	struct elf_options opt = { true, false, false };
	struct elf_image img;
	struct search_result r;

	build_elf(&img, opt, secs, 3);
	search_image("two.o", &img, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		CHECK(same_string((char *)r.found.bytes[0], "first"));
		CHECK(same_string((char *)r.found.bytes[1], "second"));
	}
	search_release(&r);
	free(img.b.p);
}

static void elf_name_must_match_exactly(void)
{
	static const struct test_section secs[] = {
		{ ".discard.kapi_facts.old", SHT_PROGBITS, 0, "a", 1 },
		{ ".discard.kapi_fact", SHT_PROGBITS, 0, "b", 1 },
		{ ".kapi_facts", SHT_PROGBITS, 0, "c", 1 },
	};
	struct elf_options opt = { true, false, false };
	struct elf_image img;
	struct search_result r;

	build_elf(&img, opt, secs, 3);
	search_image("near-names.o", &img, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 1);
	search_release(&r);
	free(img.b.p);
}

static void elf_without_sections_is_skipped(void)
{
	struct elf_options opt = { true, false, false };
	struct elf_image img;
	struct search_result r;

	/* No section header table at all: e_shoff 0. */
	build_elf(&img, opt, facts_and_text, 2);
	put_uint(&img.b, 0x28, 8, 0, false);
	search_image("no-table.o", &img, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 1);
	search_release(&r);
	free(img.b.p);

	/* A table, but no name table (e_shstrndx SHN_UNDEF). */
	build_elf(&img, opt, facts_and_text, 2);
	put_uint(&img.b, 0x3e, 2, 0, false);
	search_image("no-names.o", &img, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 1);
	search_release(&r);
	free(img.b.p);
}

/* Search IMG as NAME; expect an error that names it and contains PART. */
static void expect_elf_error(const char *name, const struct elf_image *img,
			     const char *part)
{
	char *path = work_file(name, img->b.p, img->b.len);
	struct search_result r;

	search_path(path, &r);
	CHECK(r.rc == -1);
	CHECK(r.found.n == 0);
	CHECK(contains(r.err, path));
	CHECK(contains(r.err, part));
	search_release(&r);
	free(path);
}

static void elf_truncated_header(void)
{
	struct elf_options opt32 = { false, true, false };
	struct elf_options opt64 = { true, false, false };
	struct elf_image img;

	build_elf(&img, opt64, facts_and_text, 2);
	img.b.len = 10;
	expect_elf_error("short-ident.o", &img, "truncated ELF object");
	img.b.len = 40;
	expect_elf_error("short-header64.o", &img, "ELF header");
	free(img.b.p);

	build_elf(&img, opt32, facts_and_text, 2);
	img.b.len = 51;
	expect_elf_error("short-header32.o", &img, "ELF header");
	free(img.b.p);
}

static void elf_bad_identification(void)
{
	struct elf_options opt = { true, false, false };
	struct elf_image img;

	build_elf(&img, opt, facts_and_text, 2);
	img.b.p[4] = 3;
	expect_elf_error("bad-class.o", &img, "unknown ELF class 3");
	img.b.p[4] = 2;
	img.b.p[5] = 0;
	expect_elf_error("bad-data.o", &img, "unknown ELF data encoding 0");
	img.b.p[5] = 1;
	img.b.p[6] = 2;
	expect_elf_error("bad-version.o", &img, "unknown ELF version 2");
	free(img.b.p);
}

static void elf_section_table_out_of_bounds(void)
{
	struct elf_options opt = { true, false, false };
	struct elf_image img;

	/* The table cut off in its middle. */
	build_elf(&img, opt, facts_and_text, 2);
	img.b.len = img.shoff + 2 * img.shentsize + 10;
	expect_elf_error("table-cut.o", &img, "section header table");
	free(img.b.p);

	/* e_shoff past the end of the file. */
	build_elf(&img, opt, facts_and_text, 2);
	put_uint(&img.b, 0x28, 8, (uint64_t)img.b.len + 1000, false);
	expect_elf_error("table-past-end.o", &img, "past the end of the file");
	put_uint(&img.b, 0x28, 8, UINT64_MAX - 8, false);
	expect_elf_error("table-wraps.o", &img, "past the end of the file");
	free(img.b.p);

	/* Entries smaller than a section header. */
	build_elf(&img, opt, facts_and_text, 2);
	put_uint(&img.b, 0x3a, 2, 16, false);
	expect_elf_error("small-entries.o", &img,
			 "section header size 16 is smaller than 64 bytes");
	free(img.b.p);

	/* An extended count far beyond the file. */
	opt.extended = true;
	build_elf(&img, opt, facts_and_text, 2);
	put_uint(&img.b, img.shoff + 32, 8, UINT64_MAX / 2, false);
	expect_elf_error("huge-count.o", &img, "section header table");
	free(img.b.p);
}

static void elf_name_table_out_of_bounds(void)
{
	struct elf_options opt = { false, false, false };
	struct elf_image img;

	build_elf(&img, opt, facts_and_text, 2);
	put_uint(&img.b, 0x32, 2, 9, false);
	expect_elf_error("names-index.o", &img,
			 "section name string table index 9 is out of range");
	free(img.b.p);

	build_elf(&img, opt, facts_and_text, 2);
	patch_section(&img, 3, sh_offset_field(false), 0xfffffff0u);
	expect_elf_error("names-offset.o", &img, "section name string table");
	free(img.b.p);

	build_elf(&img, opt, facts_and_text, 2);
	patch_section(&img, 3, sh_size_field(false), 0x7fffffffu);
	expect_elf_error("names-size.o", &img, "section name string table");
	free(img.b.p);
}

static void elf_facts_section_out_of_bounds(void)
{
	static const struct {
		bool is64, big_endian;
		bool size;	/* corrupt the size, not the offset */
		uint64_t value;
	} cases[] = {
		{ true, false, false, 1u << 20 },
		{ true, false, false, UINT64_MAX - 3 },
		{ true, true, true, 1u << 20 },
		{ true, false, true, UINT64_MAX },
		{ false, false, false, 0xfffffffe },
		{ false, true, true, 1000 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct elf_options opt = { cases[i].is64, cases[i].big_endian,
					   false };
		struct elf_image img;

		build_elf(&img, opt, facts_and_text, 2);
		patch_section(&img, 2,
			      cases[i].size ? sh_size_field(opt.is64)
					    : sh_offset_field(opt.is64),
			      cases[i].value);
		expect_elf_error("facts-past-end.o", &img,
				 "the " KAPI_FACTS_SECTION " section (offset ");
		free(img.b.p);
	}
}

static void elf_facts_without_contents(void)
{
	static const struct test_section nobits[] = {
		{ KAPI_FACTS_SECTION, SHT_NOBITS, 0, NULL, 4096 },
	};
	static const struct test_section compressed[] = {
		{ KAPI_FACTS_SECTION, SHT_PROGBITS, 0x800, "xxxxxxxx", 8 },
	};
	struct elf_options opt = { true, false, false };
	struct elf_image img;

	build_elf(&img, opt, nobits, 1);
	expect_elf_error("nobits.o", &img, "SHT_NOBITS");
	free(img.b.p);

	build_elf(&img, opt, compressed, 1);
	expect_elf_error("compressed.o", &img, "SHF_COMPRESSED");
	free(img.b.p);
}

static void elf_unterminated_section_name(void)
{
	struct elf_options opt = { true, false, false };
	struct elf_image img;
	struct search_result r;

	/*
	 * Cut the name table one byte short, before the NUL that ends
	 * ".discard.kapi_facts" (the table is "", ".text", the facts
	 * section's name, ".shstrtab"): the name no longer matches.
	 */
	build_elf(&img, opt, facts_and_text, 2);
	patch_section(&img, 3, sh_size_field(true),
		      1 + sizeof(".text") + sizeof(KAPI_FACTS_SECTION) - 1);
	search_image("name-at-end.o", &img, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 1);
	search_release(&r);
	free(img.b.p);
}

/* --- archives ----------------------------------------------------------- */

/* Append an ar member header, with NAME as its name field, and DATA. */
static void add_member(struct bytes *b, const char *name, const void *data,
		       size_t len, bool with_data)
{
	char header[61];

	snprintf(header, sizeof(header), "%-16s%-12s%-6s%-6s%-8s%-10zu`\n",
		 name, "0", "0", "0", "644", len);
	put_bytes(b, b->len, header, 60);
	if (with_data && len) {
		put_bytes(b, b->len, data, len);
		if (len & 1)
			put_bytes(b, b->len, "\n", 1);
	}
}

static void elf_bytes(struct elf_image *img, const char *facts)
{
	struct test_section secs[] = {
		{ KAPI_FACTS_SECTION, SHT_PROGBITS, 0, facts, strlen(facts) },
	};
	struct elf_options opt = { true, false, false };

	build_elf(img, opt, secs, 1);
}

static void archive_gnu_names(void)
{
	static const char names[] =
		"a_member_with_a_long_name.o/\nanother_long_member.o/\n";
	struct elf_image one, two, none;
	struct bytes b = { NULL, 0 };
	struct search_result r;
	char *path, *origin;

	elf_bytes(&one, "first block");
	elf_bytes(&two, "second");	/* even size: no padding */
	build_elf(&none, (struct elf_options){ false, false, false },
		  facts_and_text, 1);

	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "/", "\0\0\0\0", 4, true);
	add_member(&b, "/SYM64/", "\0\0\0\0\0\0\0\0", 8, true);
	add_member(&b, "//", names, sizeof(names) - 1, true);
	add_member(&b, "/0", one.b.p, one.b.len, true);
	add_member(&b, "short.o/", none.b.p, none.b.len, true);
	add_member(&b, "/29", two.b.p, two.b.len, true);
	path = work_file("gnu.a", b.p, b.len);

	search_path(path, &r);
	CHECK(r.rc == 0);
	CHECK(r.skipped == 1);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		origin = path_join(work, "gnu.a(a_member_with_a_long_name.o)");
		CHECK(same_string(r.found.origins[0], origin));
		free(origin);
		origin = path_join(work, "gnu.a(another_long_member.o)");
		CHECK(same_string(r.found.origins[1], origin));
		free(origin);
		CHECK(same_string((char *)r.found.bytes[0], "first block"));
		CHECK(same_string((char *)r.found.bytes[1], "second"));
	}
	search_release(&r);

	/* The callback's non-zero value stops the search and is returned. */
	memset(&r, 0, sizeof(r));
	r.found.stop_after = 1;
	r.rc = kapi_find_facts(path, collect_found, &r.found, NULL, &r.err);
	CHECK(r.rc == 7);
	CHECK(r.err == NULL);
	CHECK(r.found.n == 1);
	search_release(&r);

	free(path);
	free(b.p);
	free(one.b.p);
	free(two.b.p);
	free(none.b.p);
}

static void archive_bsd_names(void)
{
	struct elf_image one;
	struct bytes b = { NULL, 0 }, data = { NULL, 0 };
	struct search_result r;
	char *path, *origin;

	elf_bytes(&one, "bsd facts");
	put_bytes(&data, 0, "long_bsd_name.o\0", 16);
	put_bytes(&data, 16, one.b.p, one.b.len);

	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "__.SYMDEF SORTED", "\0\0\0\0", 4, true);
	add_member(&b, "#1/16", data.p, data.len, true);
	add_member(&b, "bsd.o", one.b.p, one.b.len, true);
	path = work_file("bsd.a", b.p, b.len);

	search_path(path, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 2);
	if (r.found.n == 2) {
		/* The name's NUL padding ends the name. */
		origin = path_join(work, "bsd.a(long_bsd_name.o)");
		CHECK(same_string(r.found.origins[0], origin));
		free(origin);
		origin = path_join(work, "bsd.a(bsd.o)");
		CHECK(same_string(r.found.origins[1], origin));
		free(origin);
		CHECK(same_string((char *)r.found.bytes[0], "bsd facts"));
	}
	search_release(&r);
	free(path);
	free(b.p);
	free(data.p);
	free(one.b.p);
}

static void archive_thin_members(void)
{
	static const char names[] = "sub/thin_one.o/\n";
	struct elf_image one, two;
	struct bytes b = { NULL, 0 };
	struct search_result r;
	char *sub = path_join(work, "sub"), *member, *abs_member, *path;
	char *origin, *table, missing_ref[24];
	size_t table_len;

	CHECK(make_folder(sub));
	elf_bytes(&one, "thin one");
	elf_bytes(&two, "thin two");
	member = work_file("sub/thin_one.o", one.b.p, one.b.len);
	abs_member = work_file("thin_two.o", two.b.p, two.b.len);

	put_bytes(&b, 0, "!<thin>\n", 8);
	add_member(&b, "/", "\0\0\0\0", 4, true);
	add_member(&b, "//", names, sizeof(names) - 1, true);
	add_member(&b, "/0", NULL, one.b.len, false);
	path = work_file("thin.a", b.p, b.len);

	search_path(path, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	if (r.found.n == 1) {
		origin = path_join(work, "thin.a(sub/thin_one.o)");
		CHECK(same_string(r.found.origins[0], origin));
		CHECK(same_string((char *)r.found.bytes[0], "thin one"));
		free(origin);
	}
	search_release(&r);
	free(b.p);

	/* An absolute member name, and a member that is missing. */
	table_len = strlen(abs_member) + strlen("/\nmissing.o/\n");
	table = test_xrealloc(NULL, table_len + 1);
	memcpy(table, abs_member, strlen(abs_member));
	memcpy(table + strlen(abs_member), "/\nmissing.o/\n",
	       sizeof("/\nmissing.o/\n"));
	snprintf(missing_ref, sizeof(missing_ref), "/%zu",
		 strlen(abs_member) + 2);
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<thin>\n", 8);
	add_member(&b, "//", table, table_len, true);
	add_member(&b, "/0", NULL, two.b.len, false);
	add_member(&b, missing_ref, NULL, 10, false);
	free(table);
	free(path);
	path = work_file("thin-abs.a", b.p, b.len);
	search_path(path, &r);
	CHECK(r.rc == -1);
	CHECK(r.found.n == 1);
	if (r.found.n == 1)
		CHECK(same_string((char *)r.found.bytes[0], "thin two"));
	CHECK(contains(r.err, "thin-abs.a(missing.o)"));
	CHECK(contains(r.err, "No such file"));
	search_release(&r);

	free(path);
	free(b.p);
	free(member);
	free(abs_member);
	free(sub);
	free(one.b.p);
	free(two.b.p);
}

/* Search the archive B as NAME; expect an error naming WHO and PART. */
static void expect_archive_error(const char *name, const struct bytes *b,
				 const char *who, const char *part)
{
	char *path = work_file(name, b->p, b->len);
	char *expected = path_join(work, who);
	struct search_result r;

	search_path(path, &r);
	CHECK(r.rc == -1);
	CHECK(contains(r.err, expected));
	CHECK(contains(r.err, part));
	search_release(&r);
	free(expected);
	free(path);
}

static void archive_corrupt_headers(void)
{
	struct elf_image one;
	struct bytes b = { NULL, 0 };

	elf_bytes(&one, "x");
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "a.o/", one.b.p, one.b.len, true);

	/* A size larger than the rest of the file. */
	memcpy(b.p + 8 + 48, "9999999999", 10);
	expect_archive_error("size-past-end.a", &b, "size-past-end.a",
			     "claims 9999999999 bytes");

	/* A size that is not a number. */
	memcpy(b.p + 8 + 48, "12a       ", 10);
	expect_archive_error("size-not-number.a", &b, "size-not-number.a",
			     "is not a decimal number");
	memcpy(b.p + 8 + 48, "          ", 10);
	expect_archive_error("size-blank.a", &b, "size-blank.a",
			     "is not a decimal number");
	memcpy(b.p + 8 + 48, "-1        ", 10);
	expect_archive_error("size-negative.a", &b, "size-negative.a",
			     "is not a decimal number");

	/* A header without its "`\n" end. */
	snprintf((char *)b.p + 8 + 48, 11, "%-10zu", one.b.len);
	b.p[8 + 58] = 'x';
	expect_archive_error("bad-end.a", &b, "bad-end.a",
			     "does not end in");
	b.p[8 + 58] = '`';

	/* A header cut short. */
	b.len = 8 + 30;
	expect_archive_error("short-header.a", &b, "short-header.a",
			     "truncated archive");
	free(b.p);

	/* Long-name references without a table or outside it. */
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "/5", one.b.p, one.b.len, true);
	expect_archive_error("no-table.a", &b, "no-table.a",
			     "outside the \"//\" name table");
	free(b.p);

	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "//", "ab/\n", 4, true);
	add_member(&b, "/4", one.b.p, one.b.len, true);
	expect_archive_error("ref-past-table.a", &b, "ref-past-table.a",
			     "outside the \"//\" name table");
	free(b.p);

	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "/x1", one.b.p, one.b.len, true);
	expect_archive_error("ref-not-number.a", &b, "ref-not-number.a",
			     "invalid long-name reference");
	free(b.p);

	/* A BSD name longer than its member. */
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "#1/99", "abcd", 4, true);
	expect_archive_error("bsd-long.a", &b, "bsd-long.a",
			     "invalid BSD member name");
	free(b.p);

	/* The name table's last name without its end. */
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "//", "name_without_end", 16, true);
	add_member(&b, "/0", one.b.p, one.b.len, true);
	{
		char *path = work_file("unended-name.a", b.p, b.len);
		struct search_result r;

		search_path(path, &r);
		CHECK(r.rc == 0);
		CHECK(r.found.n == 1);
		if (r.found.n == 1)
			CHECK(contains(r.found.origins[0],
				       "unended-name.a(name_without_end)"));
		search_release(&r);
		free(path);
	}
	free(b.p);
	free(one.b.p);
}

static void archive_foreign_members(void)
{
	struct elf_image one;
	struct bytes inner = { NULL, 0 }, b = { NULL, 0 };

	elf_bytes(&one, "inner");
	put_bytes(&inner, 0, "!<arch>\n", 8);
	add_member(&inner, "in.o/", one.b.p, one.b.len, true);

	/* An archive inside an archive: an error, not a crash. */
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "inner.a/", inner.p, inner.len, true);
	expect_archive_error("nested.a", &b, "nested.a(inner.a)",
			     "nested archives are not supported");
	free(b.p);

	/* A thin archive's reference into a nested archive. */
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<thin>\n", 8);
	add_member(&b, "//", "inner.a/\n", 9, true);
	add_member(&b, "/0:68", NULL, 10, false);
	expect_archive_error("thin-nested.a", &b, "thin-nested.a",
			     "nested archives are not supported");
	free(b.p);

	/* A member that is not an object. */
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "notes.txt/", "some text\n", 10, true);
	expect_archive_error("text-member.a", &b, "text-member.a(notes.txt)",
			     "not an ELF object");
	free(b.p);

	/* A facts file as a member is passed whole. */
	b.p = NULL;
	b.len = 0;
	put_bytes(&b, 0, "!<arch>\n", 8);
	add_member(&b, "u.kapi-facts/", FACTS_TEXT, sizeof(FACTS_TEXT) - 1,
		   true);
	{
		char *path = work_file("facts-member.a", b.p, b.len);
		struct search_result r;

		search_path(path, &r);
		CHECK(r.rc == 0);
		CHECK(r.found.n == 1);
		if (r.found.n == 1)
			CHECK(same_string((char *)r.found.bytes[0],
					  FACTS_TEXT));
		search_release(&r);
		free(path);
	}
	free(b.p);
	free(inner.p);
	free(one.b.p);
}

static void archive_empty(void)
{
	char *path = work_file("empty.a", "!<arch>\n", 8);
	struct search_result r;

	search_path(path, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 0);
	CHECK(r.skipped == 0);
	search_release(&r);
	free(path);
}

/* --- files and folders -------------------------------------------------- */

static void file_not_an_object(void)
{
	char *text = work_file("readme.o", "hello\n", 6);
	char *empty = work_file("empty.o", "", 0);
	char *missing = path_join(work, "missing.o");
	char *fifo = path_join(work, "fifo.o");
	struct search_result r;

	search_path(text, &r);
	CHECK(r.rc == -1);
	CHECK(contains(r.err, text));
	CHECK(contains(r.err, "not an ELF object, ar archive or kapi facts file"));
	search_release(&r);

	search_path(empty, &r);
	CHECK(r.rc == -1);
	CHECK(contains(r.err, empty));
	search_release(&r);

	search_path(missing, &r);
	CHECK(r.rc == -1);
	CHECK(contains(r.err, missing));
	CHECK(contains(r.err, "No such file"));
	search_release(&r);

	/* A FIFO must be rejected, not waited on. */
	CHECK(mkfifo(fifo, 0644) == 0);
	search_path(fifo, &r);
	CHECK(r.rc == -1);
	CHECK(contains(r.err, "not a regular file"));
	search_release(&r);
	unlink(fifo);

	free(text);
	free(empty);
	free(missing);
	free(fifo);
}

static void file_facts_passed_whole(void)
{
	char *named = work_file("mm_mlock.c.kapi-facts", "anything at all",
				15);
	char *by_content = work_file("facts.txt", FACTS_TEXT,
				     sizeof(FACTS_TEXT) - 1);
	struct search_result r;

	search_path(named, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	if (r.found.n == 1) {
		CHECK(same_string(r.found.origins[0], named));
		CHECK(same_string((char *)r.found.bytes[0], "anything at all"));
	}
	search_release(&r);

	search_path(by_content, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == 1);
	search_release(&r);
	free(named);
	free(by_content);
}

static void folder_sorted_and_loop_safe(void)
{
	static const char *const files[] = {
		"tree/b/z.o", "tree/b/a.o", "tree/a.kapi-facts", "tree/c.o",
		"tree/b/deep/m.o",
	};
	static const char *const expected[] = {
		"tree/a.kapi-facts", "tree/b/a.o", "tree/b/deep/m.o",
		"tree/b/z.o", "tree/c.o",
	};
	struct elf_image img;
	struct search_result r;
	char *tree = path_join(work, "tree");
	char *link_path, *dangling;
	unsigned int i;

	CHECK(make_folder(tree));
	link_path = path_join(work, "tree/b");
	CHECK(make_folder(link_path));
	free(link_path);
	link_path = path_join(work, "tree/b/deep");
	CHECK(make_folder(link_path));
	free(link_path);

	elf_bytes(&img, "tree facts");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		free(work_file(files[i], img.b.p, img.b.len));
	free(work_file("tree/b/notes.txt", "not searched", 12));
	free(work_file("tree/b/lib.a", "!<arch>\nnot searched", 20));

	/* Links back up the tree, one of them through a second name. */
	link_path = path_join(work, "tree/b/deep/up");
	CHECK(symlink("../..", link_path) == 0);
	free(link_path);
	link_path = path_join(work, "tree/self");
	CHECK(symlink(".", link_path) == 0);
	free(link_path);
	/* A dangling link that is not an object is ignored. */
	link_path = path_join(work, "tree/gone");
	CHECK(symlink("nowhere", link_path) == 0);
	free(link_path);

	search_path(tree, &r);
	CHECK(r.rc == 0);
	CHECK(r.found.n == sizeof(expected) / sizeof(expected[0]));
	for (i = 0; i < r.found.n && i < sizeof(expected) / sizeof(expected[0]);
	     i++) {
		char *want = path_join(work, expected[i]);

		CHECK(same_string(r.found.origins[i], want));
		free(want);
	}
	search_release(&r);

	/* A trailing slash on the folder gives no double slash. */
	link_path = test_xrealloc(NULL, strlen(tree) + 2);
	sprintf(link_path, "%s/", tree);
	search_path(link_path, &r);
	CHECK(r.found.n == sizeof(expected) / sizeof(expected[0]));
	if (r.found.n > 0) {
		char *want = path_join(work, expected[0]);

		CHECK(same_string(r.found.origins[0], want));
		free(want);
	}
	search_release(&r);
	free(link_path);

	/* A dangling link named like an object is an error. */
	dangling = path_join(work, "tree/b/lost.o");
	CHECK(symlink("nowhere.o", dangling) == 0);
	search_path(tree, &r);
	CHECK(r.rc == -1);
	CHECK(contains(r.err, dangling));
	search_release(&r);
	unlink(dangling);

	free(dangling);
	free(tree);
	free(img.b.p);
}

static void memory_entry_point(void)
{
	struct elf_image img;
	struct found_list found = { 0 };
	char *err = NULL;
	int rc;

	elf_bytes(&img, "in memory");
	rc = kapi_find_facts_mem("mem.o", img.b.p, img.b.len, collect_found,
				 &found, &err);
	CHECK(rc == 0);
	CHECK(err == NULL);
	CHECK(found.n == 1);
	if (found.n == 1) {
		CHECK(same_string(found.origins[0], "mem.o"));
		CHECK(same_string((char *)found.bytes[0], "in memory"));
	}
	found_release(&found);

	rc = kapi_find_facts_mem("cut.o", img.b.p, 20, collect_found, &found,
				 &err);
	CHECK(rc == -1);
	CHECK(contains(err, "cut.o: truncated ELF object"));
	free(err);
	found_release(&found);
	free(img.b.p);
}

int main(void)
{
	work = make_temp_folder("formats");

	RUN(elf_every_class_and_order);
	RUN(elf_extended_numbering);
	RUN(elf_two_facts_sections);
	RUN(elf_name_must_match_exactly);
	RUN(elf_without_sections_is_skipped);
	RUN(elf_truncated_header);
	RUN(elf_bad_identification);
	RUN(elf_section_table_out_of_bounds);
	RUN(elf_name_table_out_of_bounds);
	RUN(elf_facts_section_out_of_bounds);
	RUN(elf_facts_without_contents);
	RUN(elf_unterminated_section_name);
	RUN(archive_gnu_names);
	RUN(archive_bsd_names);
	RUN(archive_thin_members);
	RUN(archive_corrupt_headers);
	RUN(archive_foreign_members);
	RUN(archive_empty);
	RUN(file_not_an_object);
	RUN(file_facts_passed_whole);
	RUN(folder_sorted_and_loop_safe);
	RUN(memory_entry_point);

	remove_temp_folder(work);
	return UNIT_EXIT();
}
