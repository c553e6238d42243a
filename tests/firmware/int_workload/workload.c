// The four kernels of the integer workload (workload.h), sized so one iteration is
// some ten thousand cycles on a Cortex-M.
#include "workload.h"

#define LIST_NODES 48
#define MATRIX_N 8
#define TEXT_BYTES 96

/// CRC-16 with the CCITT polynomial x^16 + x^12 + x^5 + 1, bit by bit, MSB first.
static uint16_t crc16_byte(uint16_t crc, uint8_t byte) {
  crc = (uint16_t)(crc ^ (uint16_t)(byte << 8));
  for (int bit = 0; bit < 8; ++bit)
    crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
  return crc;
}

static uint16_t crc16_word(uint16_t crc, uint32_t word) {
  for (int i = 0; i < 4; ++i) crc = crc16_byte(crc, (uint8_t)(word >> (8 * i)));
  return crc;
}

/// A small linear congruential generator (Numerical Recipes' constants) for test data.
static uint32_t next_random(uint32_t* state) {
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

// ---- list processing: build, sort by key (insertion), filter, reverse --------
struct node {
  struct node* next;
  int16_t key;
  uint16_t value;
};

static struct node pool[LIST_NODES];

static struct node* build_list(uint32_t* rng) {
  struct node* head = 0;
  for (int i = 0; i < LIST_NODES; ++i) {
    pool[i].key = (int16_t)((int32_t)(next_random(rng) & 0x3FFu) - 512);
    pool[i].value = (uint16_t)i;
    pool[i].next = head;
    head = &pool[i];
  }
  return head;
}

static struct node* sort_by_key(struct node* head) {
  struct node* sorted = 0;
  while (head) {
    struct node* item = head;
    head = head->next;
    struct node** at = &sorted;
    while (*at && (*at)->key <= item->key) at = &(*at)->next;
    item->next = *at;
    *at = item;
  }
  return sorted;
}

static struct node* reverse(struct node* head) {
  struct node* out = 0;
  while (head) {
    struct node* next = head->next;
    head->next = out;
    out = head;
    head = next;
  }
  return out;
}

static uint32_t list_kernel(uint32_t* rng) {
  struct node* list = sort_by_key(build_list(rng));
  uint32_t in_range = 0, order = 0;
  for (const struct node* n = list; n; n = n->next)
    if (n->key >= -128 && n->key < 128) in_range += n->value;
  list = reverse(list);
  for (const struct node* n = list; n; n = n->next) order = order * 33u + n->value;
  return in_range ^ order;
}

// ---- matrix: C = A x B in 16-bit inputs, 32-bit sums ----------------------
static int16_t mat_a[MATRIX_N][MATRIX_N];
static int16_t mat_b[MATRIX_N][MATRIX_N];
static int32_t mat_c[MATRIX_N][MATRIX_N];

static uint32_t matrix_kernel(uint32_t* rng) {
  for (int r = 0; r < MATRIX_N; ++r)
    for (int c = 0; c < MATRIX_N; ++c) {
      mat_a[r][c] = (int16_t)((int32_t)(next_random(rng) & 0xFFFu) - 2048);
      mat_b[r][c] = (int16_t)((int32_t)(next_random(rng) & 0xFFu) - 128);
    }
  for (int r = 0; r < MATRIX_N; ++r)
    for (int c = 0; c < MATRIX_N; ++c) {
      int32_t sum = 0;
      for (int k = 0; k < MATRIX_N; ++k) sum += (int32_t)mat_a[r][k] * mat_b[k][c];
      mat_c[r][c] = sum;
    }
  uint32_t fold = 0;
  for (int r = 0; r < MATRIX_N; ++r)
    for (int c = 0; c < MATRIX_N; ++c) fold = (fold << 3 | fold >> 29) ^ (uint32_t)mat_c[r][c];
  return fold;
}

// ---- state machine: classify tokens of generated text ----------------------
enum scan_state { SPACE, NUMBER, HEX_PREFIX, HEX, WORD, BAD, STATES };

static char text[TEXT_BYTES];

static void make_text(uint32_t* rng) {
  static const char alphabet[] = "0123456789abcxyz x ,;-";
  const uint32_t letters = sizeof alphabet - 1u;
  // Scaled by a multiply, not a modulo: the M0+ has no divide instruction.
  for (int i = 0; i < TEXT_BYTES; ++i) text[i] = alphabet[((next_random(rng) & 0xFFFFu) * letters) >> 16];
}

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static int is_hex_letter(char ch) { return ch >= 'a' && ch <= 'f'; }
static int is_letter(char ch) { return ch >= 'a' && ch <= 'z'; }

static enum scan_state step(enum scan_state state, char ch) {
  const int separator = ch == ' ' || ch == ',' || ch == ';';
  if (separator) return SPACE;
  switch (state) {
    case SPACE: return ch == '0' ? HEX_PREFIX : is_digit(ch) ? NUMBER : is_letter(ch) ? WORD : BAD;
    case NUMBER: return is_digit(ch) ? NUMBER : BAD;
    case HEX_PREFIX: return ch == 'x' ? HEX : is_digit(ch) ? NUMBER : BAD;
    case HEX: return is_digit(ch) || is_hex_letter(ch) ? HEX : BAD;
    case WORD: return is_letter(ch) || is_digit(ch) ? WORD : BAD;
    default: return BAD;
  }
}

static uint32_t state_kernel(uint32_t* rng) {
  make_text(rng);
  uint32_t entered[STATES] = {0};
  enum scan_state state = SPACE;
  for (int i = 0; i < TEXT_BYTES; ++i) {
    const enum scan_state next = step(state, text[i]);
    if (next != state) ++entered[next];
    state = next;
  }
  uint32_t mix = 0;
  for (int s = 0; s < STATES; ++s) mix = mix * 131u + entered[s];
  return mix;
}

uint16_t workload_iteration(uint16_t seed) {
  uint32_t rng = 0x9E3779B9u ^ seed;
  uint16_t crc = seed;
  crc = crc16_word(crc, list_kernel(&rng));
  crc = crc16_word(crc, matrix_kernel(&rng));
  crc = crc16_word(crc, state_kernel(&rng));
  return crc;
}

uint16_t workload_run(uint16_t seed, uint32_t iterations) {
  for (uint32_t i = 0; i < iterations; ++i) seed = workload_iteration(seed);
  return seed;
}
