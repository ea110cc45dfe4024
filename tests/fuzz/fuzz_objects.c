// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness: the ELF and ar reader (kapi_find_facts_mem()) over
 * arbitrary bytes, and kapi_facts_read() over every facts section it
 * finds. Thin archive members are read from the current folder, where
 * the CTest test puts the objects its seed archives name.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "kapi/arena.h"
#include "kapi/facts.h"
#include "objects.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int read_facts(void *arena, const char *origin,
		      const unsigned char *bytes, size_t len)
{
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;

	kapi_facts_read(arena, origin, bytes, len, &units, &nunits, &err);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kapi_arena *arena = kapi_arena_new();
	char *err = NULL;

	kapi_find_facts_mem("fuzz.o", data, size, read_facts, arena, &err);
	free(err);
	kapi_arena_free(arena);
	return 0;
}
