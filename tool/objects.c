// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finding unit facts in build outputs (tool/objects.h).
 *
 * The formats, as their specifications give them:
 *
 * - ELF (System V ABI, "Object Files"): the identification bytes give the
 *   class (32 or 64 bit) and the byte order. The file header gives the
 *   section header table and the index of the section name string table.
 *   When there are 0xff00 sections or more, the count and that index move
 *   to section 0's sh_size and sh_link (extended section numbering), as in
 *   a large "ld -r" output.
 * - ar archives: "!<arch>\n", then members, each a 60-byte header (name 16,
 *   date 12, uid 6, gid 6, mode 8, size 10 as decimal text, "`\n") and its
 *   data, padded to an even offset. GNU names end in '/'. Longer ones are
 *   "/N", N being an offset into the "//" member, whose names end in "/\n".
 *   "/" and "/SYM64/" are symbol tables. BSD archives put a long name
 *   ("#1/N") in the first N bytes of the data and have a "__.SYMDEF" table.
 * - GNU thin archives: "!<thin>\n" with the same headers, but only the
 *   symbol and name tables have data. Every other member is a file named by
 *   its path relative to the archive's folder.
 *
 * Every offset and size read from a file is checked against the bytes that
 * are there before it is used, so corrupt input gives an error, never a
 * read out of bounds.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kapi/facts.h"
#include "objects.h"

/* A folder already searched, so that symbolic links cannot loop. */
struct folder_id {
	dev_t dev;
	ino_t ino;
};

struct search {
	kapi_facts_found found;
	void *data;
	unsigned int *skipped;
	int result;			/* what kapi_find_facts returns */
	char *err;			/* the error message, malloc()ed */
	struct folder_id *folders;
	size_t nfolders;
};

/* The contents of a file: mapped, read into memory, or empty. */
struct file_bytes {
	unsigned char *bytes;
	size_t len;
	bool mapped;
};

/*
 * The internal functions return 0 to go on and 1 to stop, with the value
 * for the caller in s->result: -1 after fail(), or FOUND's own value.
 */
static int fail(struct search *s, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	msg = malloc((size_t)n + 1);
	if (!msg)
		abort();
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);

	free(s->err);
	s->err = msg;
	s->result = -1;
	return 1;
}

static void count_skipped(struct search *s)
{
	if (s->skipped)
		(*s->skipped)++;
}

static int report(struct search *s, const char *origin,
		  const unsigned char *bytes, size_t len)
{
	int value = s->found(s->data, origin, bytes, len);

	if (value == 0)
		return 0;
	s->result = value;
	return 1;
}

static char *xstrdup(const char *str)
{
	char *copy = strdup(str);

	if (!copy)
		abort();
	return copy;
}

/* "A/B", or "A" + "B" when A already ends in '/'. */
static char *join_path(const char *folder, const char *name)
{
	size_t flen = strlen(folder), nlen = strlen(name);
	bool slash = flen > 0 && folder[flen - 1] != '/';
	char *path = malloc(flen + slash + nlen + 1);

	if (!path)
		abort();
	memcpy(path, folder, flen);
	if (slash)
		path[flen] = '/';
	memcpy(path + flen + slash, name, nlen + 1);
	return path;
}

/* "archive(member)", the origin of an archive member. */
static char *member_origin(const char *archive, const char *member)
{
	size_t alen = strlen(archive), mlen = strlen(member);
	char *origin = malloc(alen + mlen + 3);

	if (!origin)
		abort();
	memcpy(origin, archive, alen);
	origin[alen] = '(';
	memcpy(origin + alen + 1, member, mlen);
	origin[alen + 1 + mlen] = ')';
	origin[alen + 2 + mlen] = '\0';
	return origin;
}

/* The folder part of PATH: "." when it has none. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *folder;

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	folder = malloc((size_t)(slash - path) + 1);
	if (!folder)
		abort();
	memcpy(folder, path, (size_t)(slash - path));
	folder[slash - path] = '\0';
	return folder;
}

static bool has_suffix(const char *str, const char *suffix)
{
	size_t len = strlen(str), slen = strlen(suffix);

	return len > slen && strcmp(str + len - slen, suffix) == 0;
}

static bool is_facts_file_name(const char *name)
{
	return has_suffix(name, ".kapi-facts");
}

/* --- files -------------------------------------------------------------- */

static int reject_irregular(struct search *s, const char *origin,
			    const char *sep, const char *file)
{
	return fail(s, "%s%s%s: not a regular file; pass object files, archives, facts files or folders",
		    origin, sep, file);
}

/*
 * Map PATH, or read it where it cannot be mapped. ORIGIN names the file in
 * messages. Only regular files are read: stat() rejects the others before
 * they are opened, since opening some devices has effects, and fstat()
 * checks the file opened. O_NONBLOCK keeps a FIFO that replaced the file
 * in between from blocking the open.
 */
static int load_file(struct search *s, const char *path, const char *origin,
		     struct file_bytes *f)
{
	/* A thin archive's member is named in messages by both. */
	bool other = strcmp(path, origin) != 0;
	const char *sep = other ? ": file " : "", *file = other ? path : "";
	struct stat st;
	size_t done = 0;
	int fd;

	memset(f, 0, sizeof(*f));
	if (stat(path, &st) != 0)
		return fail(s, "%s%s%s: cannot access: %s", origin, sep, file,
			    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return reject_irregular(s, origin, sep, file);
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return fail(s, "%s%s%s: cannot open: %s", origin, sep, file,
			    strerror(errno));
	if (fstat(fd, &st) != 0) {
		int saved = errno;

		close(fd);
		return fail(s, "%s%s%s: cannot access: %s", origin, sep, file,
			    strerror(saved));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return reject_irregular(s, origin, sep, file);
	}
	if ((uintmax_t)st.st_size > SIZE_MAX) {
		close(fd);
		return fail(s, "%s%s%s: too large to read (%jd bytes)", origin,
			    sep, file, (intmax_t)st.st_size);
	}
	f->len = (size_t)st.st_size;
	if (f->len == 0) {
		close(fd);
		return 0;
	}

	/*
	 * NOTE: a file truncated by another process while it is mapped
	 * raises SIGBUS on access. Build outputs are read after the build,
	 * so this is not guarded against.
	 */
	f->bytes = mmap(NULL, f->len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (f->bytes != MAP_FAILED) {
		f->mapped = true;
		close(fd);
		return 0;
	}

	f->bytes = malloc(f->len);
	if (!f->bytes)
		abort();
	while (done < f->len) {
		ssize_t n = read(fd, f->bytes + done, f->len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int saved = n < 0 ? errno : 0;

			close(fd);
			free(f->bytes);
			f->bytes = NULL;
			if (saved)
				return fail(s, "%s%s%s: cannot read: %s", origin,
					    sep, file, strerror(saved));
			return fail(s, "%s%s%s: the file became shorter while it was read",
				    origin, sep, file);
		}
		done += (size_t)n;
	}
	close(fd);
	return 0;
}

static void unload_file(struct file_bytes *f)
{
	if (f->mapped)
		munmap(f->bytes, f->len);
	else
		free(f->bytes);
	memset(f, 0, sizeof(*f));
}

/* --- ELF ---------------------------------------------------------------- */

#define ELF_IDENT_SIZE 16
#define ELF_CLASS_32 1
#define ELF_CLASS_64 2
#define ELF_DATA_LSB 1
#define ELF_DATA_MSB 2
#define ELF_VERSION_CURRENT 1
#define ELF_SHN_UNDEF 0
#define ELF_SHN_XINDEX 0xffff
#define ELF_SHT_NOBITS 8
#define ELF_SHF_COMPRESSED 0x800

/* Byte offsets of the fields read, for one ELF class. */
struct elf_layout {
	size_t header_size;		/* e_ehsize's usual value */
	size_t e_shoff, e_shentsize, e_shnum, e_shstrndx;
	/* The width of e_shoff, sh_flags, sh_offset and sh_size. */
	unsigned int word_size;
	size_t shdr_size;
	size_t sh_name, sh_type, sh_flags, sh_offset, sh_size, sh_link;
};

static const struct elf_layout elf32_layout = {
	52, 0x20, 0x2e, 0x30, 0x32, 4, 40, 0, 4, 8, 16, 20, 24,
};

static const struct elf_layout elf64_layout = {
	64, 0x28, 0x3a, 0x3c, 0x3e, 8, 64, 0, 4, 8, 24, 32, 40,
};

struct elf_file {
	const char *origin;
	const unsigned char *bytes;
	size_t len;
	const struct elf_layout *layout;
	bool big_endian;
	uint64_t shoff;			/* section header table */
	uint64_t shentsize;
};

struct elf_section {
	uint32_t name;
	uint32_t type;
	uint64_t flags;
	uint64_t offset;
	uint64_t size;
	uint32_t link;
};

/* The SIZE-byte unsigned number at P (callers have checked the bounds). */
static uint64_t read_uint(const unsigned char *p, unsigned int size,
			  bool big_endian)
{
	uint64_t value = 0;
	unsigned int i;

	for (i = 0; i < size; i++) {
		unsigned int at = big_endian ? i : size - 1 - i;

		value = (value << 8) | p[at];
	}
	return value;
}

/* Section header INDEX, which the caller has checked lies in the file. */
static void elf_read_section(const struct elf_file *elf, uint64_t index,
			     struct elf_section *sec)
{
	const struct elf_layout *l = elf->layout;
	const unsigned char *h = elf->bytes + elf->shoff +
				 index * elf->shentsize;
	bool big = elf->big_endian;

	sec->name = (uint32_t)read_uint(h + l->sh_name, 4, big);
	sec->type = (uint32_t)read_uint(h + l->sh_type, 4, big);
	sec->flags = read_uint(h + l->sh_flags, l->word_size, big);
	sec->offset = read_uint(h + l->sh_offset, l->word_size, big);
	sec->size = read_uint(h + l->sh_size, l->word_size, big);
	sec->link = (uint32_t)read_uint(h + l->sh_link, 4, big);
}

static bool elf_section_in_file(const struct elf_file *elf,
				const struct elf_section *sec)
{
	return sec->offset <= elf->len && sec->size <= elf->len - sec->offset;
}

/*
 * Check the section header table and return its entry count in *COUNT
 * and the name table's index in *NAMES_INDEX (0 when there is none).
 */
static int elf_read_table(struct search *s, struct elf_file *elf,
			  uint64_t *count, uint64_t *names_index)
{
	const struct elf_layout *l = elf->layout;
	const unsigned char *b = elf->bytes;
	bool big = elf->big_endian;
	struct elf_section first;
	uint64_t max_entries;

	elf->shoff = read_uint(b + l->e_shoff, l->word_size, big);
	elf->shentsize = read_uint(b + l->e_shentsize, 2, big);
	*count = read_uint(b + l->e_shnum, 2, big);
	*names_index = read_uint(b + l->e_shstrndx, 2, big);
	if (elf->shoff == 0) {
		*count = 0;
		return 0;
	}

	if (elf->shentsize < l->shdr_size)
		return fail(s, "%s: corrupt ELF object: section header size %llu is smaller than %zu bytes",
			    elf->origin, (unsigned long long)elf->shentsize,
			    l->shdr_size);
	if (elf->shoff > elf->len || elf->len - elf->shoff < elf->shentsize)
		return fail(s, "%s: truncated or corrupt ELF object: the section header table at offset %llu lies past the end of the file (%zu bytes); rebuild it",
			    elf->origin, (unsigned long long)elf->shoff,
			    elf->len);

	/* Extended section numbering keeps the real values in section 0. */
	elf_read_section(elf, 0, &first);
	if (*count == 0)
		*count = first.size;
	if (*names_index == ELF_SHN_XINDEX)
		*names_index = first.link;

	max_entries = (elf->len - elf->shoff) / elf->shentsize;
	if (*count > max_entries)
		return fail(s, "%s: truncated or corrupt ELF object: the section header table (%llu entries of %llu bytes at offset %llu) runs past the end of the file (%zu bytes); rebuild it",
			    elf->origin, (unsigned long long)*count,
			    (unsigned long long)elf->shentsize,
			    (unsigned long long)elf->shoff, elf->len);
	if (*count > 0 && *names_index >= *count)
		return fail(s, "%s: corrupt ELF object: the section name string table index %llu is out of range (%llu sections)",
			    elf->origin, (unsigned long long)*names_index,
			    (unsigned long long)*count);
	return 0;
}

static int check_facts_section(struct search *s, const struct elf_file *elf,
			       const struct elf_section *sec)
{
	if (sec->type == ELF_SHT_NOBITS)
		return fail(s, "%s: the %s section has no contents in the file (SHT_NOBITS), as in a stripped debug file; pass the object the build produced",
			    elf->origin, KAPI_FACTS_SECTION);
	if (sec->flags & ELF_SHF_COMPRESSED)
		return fail(s, "%s: the %s section is compressed (SHF_COMPRESSED), which is not supported; link without compressing it",
			    elf->origin, KAPI_FACTS_SECTION);
	if (!elf_section_in_file(elf, sec))
		return fail(s, "%s: truncated or corrupt ELF object: the %s section (offset %llu, %llu bytes) runs past the end of the file (%zu bytes); rebuild it",
			    elf->origin, KAPI_FACTS_SECTION,
			    (unsigned long long)sec->offset,
			    (unsigned long long)sec->size, elf->len);
	return 0;
}

/* Report every section named KAPI_FACTS_SECTION in the ELF file BYTES. */
static int search_elf(struct search *s, const char *origin,
		      const unsigned char *bytes, size_t len)
{
	struct elf_file elf = { origin, bytes, len, NULL, false, 0, 0 };
	struct elf_section names, sec;
	uint64_t count, names_index, i;
	unsigned int found = 0;
	const unsigned char *strtab;

	if (len < ELF_IDENT_SIZE)
		return fail(s, "%s: truncated ELF object: %zu bytes, fewer than the %d bytes of the ELF identification; rebuild it",
			    origin, len, ELF_IDENT_SIZE);
	if (bytes[4] == ELF_CLASS_32)
		elf.layout = &elf32_layout;
	else if (bytes[4] == ELF_CLASS_64)
		elf.layout = &elf64_layout;
	else
		return fail(s, "%s: corrupt ELF object: unknown ELF class %u (expected 1 for 32-bit or 2 for 64-bit)",
			    origin, bytes[4]);
	if (bytes[5] != ELF_DATA_LSB && bytes[5] != ELF_DATA_MSB)
		return fail(s, "%s: corrupt ELF object: unknown ELF data encoding %u (expected 1 for little endian or 2 for big endian)",
			    origin, bytes[5]);
	elf.big_endian = bytes[5] == ELF_DATA_MSB;
	if (bytes[6] != ELF_VERSION_CURRENT)
		return fail(s, "%s: corrupt ELF object: unknown ELF version %u (expected 1)",
			    origin, bytes[6]);
	if (len < elf.layout->header_size)
		return fail(s, "%s: truncated ELF object: %zu bytes, fewer than the %zu bytes of the ELF header; rebuild it",
			    origin, len, elf.layout->header_size);

	if (elf_read_table(s, &elf, &count, &names_index))
		return 1;
	if (count == 0 || names_index == ELF_SHN_UNDEF) {
		/* Without section names no section can be the facts. */
		count_skipped(s);
		return 0;
	}

	elf_read_section(&elf, names_index, &names);
	if (names.type == ELF_SHT_NOBITS || !elf_section_in_file(&elf, &names))
		return fail(s, "%s: truncated or corrupt ELF object: the section name string table (offset %llu, %llu bytes) runs past the end of the file (%zu bytes); rebuild it",
			    origin, (unsigned long long)names.offset,
			    (unsigned long long)names.size, len);
	strtab = bytes + names.offset;

	for (i = 0; i < count; i++) {
		elf_read_section(&elf, i, &sec);
		/* The name must match with its terminating NUL. */
		if (sec.name >= names.size ||
		    names.size - sec.name < sizeof(KAPI_FACTS_SECTION) ||
		    memcmp(strtab + sec.name, KAPI_FACTS_SECTION,
			   sizeof(KAPI_FACTS_SECTION)) != 0)
			continue;
		if (check_facts_section(s, &elf, &sec) ||
		    report(s, origin, bytes + sec.offset, (size_t)sec.size))
			return 1;
		found++;
	}
	if (found == 0)
		count_skipped(s);
	return 0;
}

/* --- archives ----------------------------------------------------------- */

#define AR_MAGIC "!<arch>\n"
#define AR_THIN_MAGIC "!<thin>\n"
#define AR_MAGIC_SIZE 8
#define AR_HEADER_SIZE 60
#define AR_NAME_SIZE 16
#define AR_SIZE_AT 48
#define AR_SIZE_SIZE 10
#define AR_END_AT 58

/* Kinds of archive member, distinguished by the header's name field. */
enum ar_entry {
	AR_SYMBOLS,		/* "/", "/SYM64/" or "__.SYMDEF...": skipped */
	AR_NAMES,		/* "//": the GNU long-name table */
	AR_LONG_NAME,		/* "/N": name at offset N of the table */
	AR_BSD_NAME,		/* "#1/N": name in the first N data bytes */
	AR_SHORT_NAME,		/* the name itself */
};

struct archive {
	const char *origin;
	const char *folder;		/* for the members of a thin archive */
	const unsigned char *bytes;
	size_t len;
	bool thin;
	const unsigned char *names;	/* the "//" member's data, or NULL */
	size_t names_len;
};

/* Parse the space-padded decimal field of WIDTH bytes at P. */
static bool parse_decimal(const unsigned char *p, size_t width,
			  uint64_t *value)
{
	size_t i = 0;

	*value = 0;
	if (width == 0 || p[0] < '0' || p[0] > '9')
		return false;
	for (; i < width && p[i] >= '0' && p[i] <= '9'; i++) {
		if (*value > (UINT64_MAX - 9) / 10)
			return false;
		*value = *value * 10 + (uint64_t)(p[i] - '0');
	}
	for (; i < width; i++)
		if (p[i] != ' ')
			return false;
	return true;
}

/* The name field without its trailing blanks, as a string. */
static void ar_name_field(const unsigned char *header,
			  char field[AR_NAME_SIZE + 1])
{
	size_t n = AR_NAME_SIZE;

	memcpy(field, header, AR_NAME_SIZE);
	while (n > 0 && field[n - 1] == ' ')
		n--;
	field[n] = '\0';
}

static enum ar_entry ar_classify(const char *field)
{
	if (strcmp(field, "/") == 0 || strcmp(field, "/SYM64/") == 0 ||
	    strncmp(field, "__.SYMDEF", 9) == 0)
		return AR_SYMBOLS;
	if (strcmp(field, "//") == 0)
		return AR_NAMES;
	if (field[0] == '/')
		return AR_LONG_NAME;
	if (strncmp(field, "#1/", 3) == 0)
		return AR_BSD_NAME;
	return AR_SHORT_NAME;
}

/* A malloc()ed copy of the LEN bytes at P, without one trailing '/'. */
static char *ar_name_copy(const unsigned char *p, size_t len)
{
	char *name;

	if (len > 0 && p[len - 1] == '/')
		len--;
	name = malloc(len + 1);
	if (!name)
		abort();
	memcpy(name, p, len);
	name[len] = '\0';
	return name;
}

/*
 * The member's name in *NAME (malloc()ed). For a BSD name, *SKIP is the
 * number of data bytes it takes. HEADER_AT is the header's offset, for
 * messages.
 */
static int ar_member_name(struct search *s, const struct archive *ar,
			  const char *field, enum ar_entry kind,
			  size_t data_at, uint64_t size, size_t header_at,
			  char **name, size_t *skip)
{
	uint64_t at;
	size_t end;

	*name = NULL;
	*skip = 0;
	if (kind == AR_SHORT_NAME) {
		*name = ar_name_copy((const unsigned char *)field,
				     strlen(field));
	} else if (kind == AR_BSD_NAME) {
		if (!parse_decimal((const unsigned char *)field + 3,
				   strlen(field) - 3, &at) || at > size ||
		    ar->thin)
			return fail(s, "%s: corrupt archive: invalid BSD member name \"%s\" in the member header at offset %zu",
				    ar->origin, field, header_at);
		*name = ar_name_copy(ar->bytes + data_at, (size_t)at);
		*skip = (size_t)at;
	} else {
		if (strchr(field, ':'))
			return fail(s, "%s: nested archives are not supported: the member header at offset %zu names a member of another archive (\"%s\"); pass the inner archive itself",
				    ar->origin, header_at, field);
		if (!parse_decimal((const unsigned char *)field + 1,
				   strlen(field) - 1, &at))
			return fail(s, "%s: corrupt archive: invalid long-name reference \"%s\" in the member header at offset %zu",
				    ar->origin, field, header_at);
		if (!ar->names || at >= ar->names_len)
			return fail(s, "%s: corrupt archive: the long-name reference \"%s\" in the member header at offset %zu lies outside the \"//\" name table (%zu bytes)",
				    ar->origin, field, header_at,
				    ar->names ? ar->names_len : 0);
		for (end = (size_t)at; end < ar->names_len; end++)
			if (ar->names[end] == '\n')
				break;
		*name = ar_name_copy(ar->names + at, end - (size_t)at);
	}
	if (**name == '\0') {
		free(*name);
		*name = NULL;
		return fail(s, "%s: corrupt archive: empty member name in the member header at offset %zu",
			    ar->origin, header_at);
	}
	return 0;
}

static bool is_archive(const unsigned char *bytes, size_t len)
{
	return len >= AR_MAGIC_SIZE &&
	       (memcmp(bytes, AR_MAGIC, AR_MAGIC_SIZE) == 0 ||
		memcmp(bytes, AR_THIN_MAGIC, AR_MAGIC_SIZE) == 0);
}

static bool is_elf(const unsigned char *bytes, size_t len)
{
	return len >= 4 && memcmp(bytes, "\177ELF", 4) == 0;
}

/* Search the contents of one archive member, named ORIGIN. */
static int search_member(struct search *s, const char *origin,
			 const char *name, const unsigned char *bytes,
			 size_t len)
{
	if (is_facts_file_name(name))
		return report(s, origin, bytes, len);
	if (is_elf(bytes, len))
		return search_elf(s, origin, bytes, len);
	if (is_archive(bytes, len))
		return fail(s, "%s: nested archives are not supported; extract the inner archive and pass it itself",
			    origin);
	return fail(s, "%s: the archive member is not an ELF object", origin);
}

/* Read the member NAME of a thin archive from its own file. */
static int search_thin_member(struct search *s, const struct archive *ar,
			      const char *origin, const char *name)
{
	char *path = name[0] == '/' ? xstrdup(name)
				    : join_path(ar->folder, name);
	struct file_bytes f;
	int stop = load_file(s, path, origin, &f);

	if (!stop) {
		stop = search_member(s, origin, name, f.bytes, f.len);
		unload_file(&f);
	}
	free(path);
	return stop;
}

static int search_archive(struct search *s, const char *origin,
			  const char *folder, const unsigned char *bytes,
			  size_t len)
{
	struct archive ar = { origin, folder, bytes, len, false, NULL, 0 };
	size_t at = AR_MAGIC_SIZE;

	ar.thin = memcmp(bytes, AR_THIN_MAGIC, AR_MAGIC_SIZE) == 0;
	while (at < len) {
		const unsigned char *header = bytes + at;
		char field[AR_NAME_SIZE + 1];
		enum ar_entry kind;
		bool has_data;
		size_t data_at = at + AR_HEADER_SIZE, skip;
		uint64_t size;
		char *name, *where;
		int stop;

		if (len - at < AR_HEADER_SIZE)
			return fail(s, "%s: truncated archive: the member header at offset %zu has %zu of its %d bytes; rebuild the archive",
				    origin, at, len - at, AR_HEADER_SIZE);
		if (header[AR_END_AT] != '`' || header[AR_END_AT + 1] != '\n')
			return fail(s, "%s: corrupt archive: the member header at offset %zu does not end in \"`\\n\"",
				    origin, at);
		if (!parse_decimal(header + AR_SIZE_AT, AR_SIZE_SIZE, &size))
			return fail(s, "%s: corrupt archive: the size field \"%.10s\" of the member header at offset %zu is not a decimal number",
				    origin, (const char *)header + AR_SIZE_AT,
				    at);

		ar_name_field(header, field);
		kind = ar_classify(field);
		/* A thin archive stores only its tables' data. */
		has_data = !ar.thin || kind == AR_SYMBOLS || kind == AR_NAMES;
		if (has_data && size > len - data_at)
			return fail(s, "%s: truncated or corrupt archive: the member at offset %zu claims %llu bytes, but only %zu follow its header; rebuild the archive",
				    origin, at, (unsigned long long)size,
				    len - data_at);

		if (kind == AR_NAMES) {
			ar.names = bytes + data_at;
			ar.names_len = (size_t)size;
		} else if (kind != AR_SYMBOLS) {
			if (ar_member_name(s, &ar, field, kind, data_at, size,
					   at, &name, &skip))
				return 1;
			where = member_origin(origin, name);
			if (ar.thin)
				stop = search_thin_member(s, &ar, where, name);
			else
				stop = search_member(s, where, name,
						     bytes + data_at + skip,
						     (size_t)size - skip);
			free(where);
			free(name);
			if (stop)
				return 1;
		}

		if (!has_data)
			at = data_at;
		else
			at = data_at + (size_t)size + (size & 1);
	}
	return 0;
}

/* --- files and folders -------------------------------------------------- */

/*
 * Search BYTES, the contents of ORIGIN. FOLDER is where the members of a
 * thin archive are looked up.
 */
static int search_bytes(struct search *s, const char *origin,
			const char *folder, const unsigned char *bytes,
			size_t len)
{
	static const char facts_magic[] = "kapi-facts ";

	if (is_facts_file_name(origin))
		return report(s, origin, bytes, len);
	if (is_elf(bytes, len))
		return search_elf(s, origin, bytes, len);
	if (is_archive(bytes, len))
		return search_archive(s, origin, folder, bytes, len);
	if (len >= sizeof(facts_magic) - 1 &&
	    memcmp(bytes, facts_magic, sizeof(facts_magic) - 1) == 0)
		return report(s, origin, bytes, len);
	return fail(s, "%s: not an ELF object, ar archive or kapi facts file; pass object files (*.o), archives (*.a), facts files (*.kapi-facts) or a build folder",
		    origin);
}

static int search_file(struct search *s, const char *path)
{
	struct file_bytes f;
	char *folder;
	int stop;

	if (load_file(s, path, path, &f))
		return 1;
	folder = folder_of(path);
	stop = search_bytes(s, path, folder, f.bytes, f.len);
	free(folder);
	unload_file(&f);
	return stop;
}

/*
 * Record the folder ST. Returns false when it was entered already, through
 * a symbolic link loop or under another name.
 */
static bool enter_folder(struct search *s, const struct stat *st)
{
	size_t i;

	for (i = 0; i < s->nfolders; i++)
		if (s->folders[i].dev == st->st_dev &&
		    s->folders[i].ino == st->st_ino)
			return false;
	s->folders = realloc(s->folders,
			     (s->nfolders + 1) * sizeof(*s->folders));
	if (!s->folders)
		abort();
	s->folders[s->nfolders].dev = st->st_dev;
	s->folders[s->nfolders].ino = st->st_ino;
	s->nfolders++;
	return true;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder PATH but "." and "..", sorted, in *NAMES. */
static int list_folder(struct search *s, const char *path, char ***names,
		       size_t *count)
{
	DIR *dir = opendir(path);
	struct dirent *entry;

	*names = NULL;
	*count = 0;
	if (!dir)
		return fail(s, "%s: cannot open the folder: %s", path,
			    strerror(errno));
	for (;;) {
		errno = 0;
		entry = readdir(dir);
		if (!entry)
			break;
		if (strcmp(entry->d_name, ".") == 0 ||
		    strcmp(entry->d_name, "..") == 0)
			continue;
		*names = realloc(*names, (*count + 1) * sizeof(**names));
		if (!*names)
			abort();
		(*names)[(*count)++] = xstrdup(entry->d_name);
	}
	if (errno != 0) {
		int saved = errno;

		closedir(dir);
		return fail(s, "%s: cannot read the folder: %s", path,
			    strerror(saved));
	}
	closedir(dir);
	qsort(*names, *count, sizeof(**names), compare_names);
	return 0;
}

static int search_folder(struct search *s, const char *path,
			 const struct stat *st);

/* One entry of a folder: a subfolder, a file to search, or neither. */
static int search_entry(struct search *s, const char *path, const char *name)
{
	bool wanted = has_suffix(name, ".o") || is_facts_file_name(name);
	struct stat st;

	/* stat() follows symbolic links; a dangling one fails. */
	if (stat(path, &st) != 0) {
		if (!wanted)
			return 0;
		return fail(s, "%s: cannot access: %s", path,
			    strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return search_folder(s, path, &st);
	if (wanted && S_ISREG(st.st_mode))
		return search_file(s, path);
	return 0;
}

/*
 * Search the *.o and *.kapi-facts files under PATH, in name order.
 *
 * NOTE: a kernel build folder contains each unit's object and also the
 * "ld -r" outputs that contain it again (vmlinux.o, the objects of
 * composite modules), so one unit can be reported more than once.
 */
static int search_folder(struct search *s, const char *path,
			 const struct stat *st)
{
	char **names;
	size_t count, i;
	int stop = 0;

	if (!enter_folder(s, st))
		return 0;
	if (list_folder(s, path, &names, &count))
		return 1;
	for (i = 0; i < count; i++) {
		char *child = join_path(path, names[i]);

		if (!stop)
			stop = search_entry(s, child, names[i]);
		free(child);
		free(names[i]);
	}
	free(names);
	return stop;
}

static int finish(struct search *s, char **err)
{
	free(s->folders);
	if (err)
		*err = s->err;
	else
		free(s->err);
	return s->result;
}

int kapi_find_facts(const char *path, kapi_facts_found found, void *data,
		    unsigned int *skipped, char **err)
{
	struct search s = { found, data, skipped, 0, NULL, NULL, 0 };
	struct stat st;

	if (stat(path, &st) != 0)
		fail(&s, "%s: cannot access: %s", path, strerror(errno));
	else if (S_ISDIR(st.st_mode))
		search_folder(&s, path, &st);
	else
		search_file(&s, path);
	return finish(&s, err);
}

int kapi_find_facts_mem(const char *origin, const unsigned char *bytes,
			size_t len, kapi_facts_found found, void *data,
			char **err)
{
	struct search s = { found, data, NULL, 0, NULL, NULL, 0 };
	char *folder = folder_of(origin);

	search_bytes(&s, origin, folder, bytes, len);
	free(folder);
	return finish(&s, err);
}
