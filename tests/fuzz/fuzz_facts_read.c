// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness: kapi_facts_read() over arbitrary bytes, as if they
 * were the facts section of an object. The reader must return units or
 * an error, and never crash, leak or read out of bounds.
 */
#include <stddef.h>
#include <stdint.h>

#include "kapi/arena.h"
#include "kapi/facts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kapi_arena *arena = kapi_arena_new();
	struct kapi_unit_facts *units = NULL;
	unsigned int nunits = 0;
	const char *err = NULL;

	kapi_facts_read(arena, "fuzz.o", data, size, &units, &nunits, &err);
	kapi_arena_free(arena);
	return 0;
}
