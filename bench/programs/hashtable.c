/* A hash table of string keys: open addressing with linear probing,
   tombstones for deletes, growth by rehashing. Rounds of inserts, lookups
   and deletes of keys built in local buffers; the helpers take pointers to
   the table, the keys and the results, as such code does.
   Usage: hashtable [SCALE_PERCENT]   Prints counts and a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot {
  char *key; /* NULL: empty; TOMBSTONE: deleted */
  uint32_t len;
  uint32_t hash;
  uint64_t value;
};

struct table {
  struct slot *slots;
  size_t capacity; /* a power of two */
  size_t used;     /* live keys */
  size_t tombs;    /* deleted slots not reused yet */
};

struct stats {
  uint64_t inserted, updated, found, missed, deleted, checksum;
};

static char tombstone;
#define TOMBSTONE (&tombstone)

static uint32_t seed = 2463534242u;
static uint32_t next_random(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}

static uint32_t hash_key(const char *key, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; ++i)
    h = (h ^ (uint8_t)key[i]) * 16777619u;
  return h;
}

/* "user:" or "item/" followed by the id in base 36 and a few letters: keys
   of 7 to 16 bytes. */
static void make_key(char *buf, size_t *len, uint32_t id) {
  static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char *p = buf;
  memcpy(p, id % 3 ? "user:" : "item/", 5);
  p += 5;
  uint32_t v = id;
  do {
    *p++ = digits[v % 36];
    v /= 36;
  } while (v);
  for (uint32_t k = id % 5; k > 0; --k)
    *p++ = (char)('A' + (id >> k) % 26);
  *len = (size_t)(p - buf);
  *p = 0;
}

static void table_init(struct table *t, size_t capacity) {
  t->slots = calloc(capacity, sizeof *t->slots);
  t->capacity = capacity;
  t->used = t->tombs = 0;
}

/* The slot holding the key, or where to insert it (the first tombstone
   passed, else the empty slot that ended the probe). */
static struct slot *probe(const struct table *t, const char *key, size_t len,
                          uint32_t hash, int *present) {
  size_t mask = t->capacity - 1;
  struct slot *reuse = NULL;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    struct slot *s = &t->slots[i];
    if (!s->key) {
      *present = 0;
      return reuse ? reuse : s;
    }
    if (s->key == TOMBSTONE) {
      if (!reuse)
        reuse = s;
    } else if (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0) {
      *present = 1;
      return s;
    }
  }
}

static void table_grow(struct table *t) {
  struct table bigger;
  table_init(&bigger, t->used * 4 > t->capacity ? t->capacity * 2 : t->capacity);
  for (size_t i = 0; i < t->capacity; ++i) {
    struct slot *s = &t->slots[i];
    if (s->key && s->key != TOMBSTONE) {
      int present;
      *probe(&bigger, s->key, s->len, s->hash, &present) = *s;
      ++bigger.used;
    }
  }
  free(t->slots);
  *t = bigger;
}

static int table_insert(struct table *t, const char *key, size_t len, uint64_t value) {
  if ((t->used + t->tombs + 1) * 4 > t->capacity * 3)
    table_grow(t);
  uint32_t hash = hash_key(key, len);
  int present;
  struct slot *s = probe(t, key, len, hash, &present);
  if (present) {
    s->value += value;
    return 0;
  }
  if (s->key == TOMBSTONE)
    --t->tombs;
  s->key = malloc(len + 1);
  memcpy(s->key, key, len + 1);
  s->len = (uint32_t)len;
  s->hash = hash;
  s->value = value;
  ++t->used;
  return 1;
}

static int table_find(const struct table *t, const char *key, size_t len, uint64_t *value) {
  int present;
  struct slot *s = probe(t, key, len, hash_key(key, len), &present);
  if (present)
    *value = s->value;
  return present;
}

static int table_delete(struct table *t, const char *key, size_t len) {
  int present;
  struct slot *s = probe(t, key, len, hash_key(key, len), &present);
  if (!present)
    return 0;
  free(s->key);
  s->key = TOMBSTONE;
  --t->used;
  ++t->tombs;
  return 1;
}

static void table_free(struct table *t) {
  for (size_t i = 0; i < t->capacity; ++i)
    if (t->slots[i].key && t->slots[i].key != TOMBSTONE)
      free(t->slots[i].key);
  free(t->slots);
}

/* One operation on a random key of the key space: half inserts, 30 %
   lookups, 20 % deletes. */
static void one_op(struct table *t, struct stats *st, uint32_t keyspace) {
  char key[24];
  size_t len;
  uint32_t r = next_random();
  make_key(key, &len, r % keyspace);
  uint32_t kind = (r >> 24) % 10;
  if (kind < 5) {
    if (table_insert(t, key, len, r & 0xff))
      ++st->inserted;
    else
      ++st->updated;
  } else if (kind < 8) {
    uint64_t value = 0;
    if (table_find(t, key, len, &value)) {
      ++st->found;
      st->checksum = st->checksum * 31 + value + len;
    } else {
      ++st->missed;
    }
  } else if (table_delete(t, key, len)) {
    ++st->deleted;
  }
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 100;
  uint32_t ops = (uint32_t)(500000 * (int64_t)scale / 100 + 100);
  uint32_t keyspace = ops / 4 + 16;
  struct table t;
  struct stats st = {0};
  table_init(&t, 64);
  for (int round = 0; round < 4; ++round)
    for (uint32_t i = 0; i < ops; ++i)
      one_op(&t, &st, keyspace);
  printf("inserted %llu updated %llu found %llu missed %llu deleted %llu live %zu\n",
         (unsigned long long)st.inserted, (unsigned long long)st.updated,
         (unsigned long long)st.found, (unsigned long long)st.missed,
         (unsigned long long)st.deleted, t.used);
  printf("checksum %llu\n", (unsigned long long)st.checksum);
  table_free(&t);
  return 0;
}
