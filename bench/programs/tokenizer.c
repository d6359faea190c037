/* Tokenizer and recursive-descent parser: generates a program of assignments
   ("x3 = (x1 + 42) * x2 - x7 % 5;"), tokenizes it, parses each statement into
   an arena AST and evaluates it over 16 variables, several passes.
   Usage: tokenizer [SCALE_PERCENT]   Prints a checksum of the variables. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { T_END, T_NUM, T_VAR, T_OP, T_LPAREN, T_RPAREN, T_ASSIGN, T_SEMI };

struct token {
  enum kind kind;
  int value; /* number, variable index or operator character */
};

struct node {
  char op; /* 0: number, 'v': variable, else a binary operator */
  int value;
  int left, right;
};

struct parser {
  const struct token *tok;
  struct node *nodes;
  int count, capacity;
};

static uint32_t seed = 12345;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static void emit_expr(char **out, int depth) {
  uint32_t r = next_random() % 8;
  if (depth > 3 || r < 3) {
    if (r % 2)
      *out += sprintf(*out, "x%u", next_random() % 16);
    else
      *out += sprintf(*out, "%u", next_random() % 1000);
    return;
  }
  static const char ops[] = "+-*/%";
  int paren = next_random() % 3 == 0;
  if (paren)
    *(*out)++ = '(';
  emit_expr(out, depth + 1);
  *out += sprintf(*out, " %c ", ops[next_random() % 5]);
  emit_expr(out, depth + 1);
  if (paren)
    *(*out)++ = ')';
}

static size_t tokenize(const char *src, struct token *toks) {
  size_t n = 0;
  for (const char *p = src; *p;) {
    char c = *p;
    if (c == ' ' || c == '\n') {
      ++p;
    } else if (c >= '0' && c <= '9') {
      int value = 0;
      while (*p >= '0' && *p <= '9')
        value = value * 10 + (*p++ - '0');
      toks[n++] = (struct token){T_NUM, value};
    } else if (c == 'x') {
      int index = 0;
      for (++p; *p >= '0' && *p <= '9'; ++p)
        index = index * 10 + (*p - '0');
      toks[n++] = (struct token){T_VAR, index};
    } else {
      enum kind k = c == '(' ? T_LPAREN : c == ')' ? T_RPAREN
                  : c == '=' ? T_ASSIGN : c == ';' ? T_SEMI : T_OP;
      toks[n++] = (struct token){k, c};
      ++p;
    }
  }
  toks[n] = (struct token){T_END, 0};
  return n;
}

static int add_node(struct parser *ps, char op, int value, int left, int right) {
  if (ps->count == ps->capacity) {
    ps->capacity = ps->capacity ? 2 * ps->capacity : 256;
    ps->nodes = realloc(ps->nodes, (size_t)ps->capacity * sizeof *ps->nodes);
  }
  struct node n = {op, value, left, right};
  ps->nodes[ps->count] = n;
  return ps->count++;
}

static int parse_sum(struct parser *ps);

static int parse_primary(struct parser *ps) {
  const struct token *t = ps->tok++;
  if (t->kind == T_LPAREN) {
    int inner = parse_sum(ps);
    ++ps->tok; /* ')' */
    return inner;
  }
  return add_node(ps, t->kind == T_VAR ? 'v' : 0, t->value, -1, -1);
}

static int parse_product(struct parser *ps) {
  int left = parse_primary(ps);
  while (ps->tok->kind == T_OP &&
         (ps->tok->value == '*' || ps->tok->value == '/' || ps->tok->value == '%')) {
    char op = (char)ps->tok->value;
    ++ps->tok;
    int right = parse_primary(ps);
    left = add_node(ps, op, 0, left, right);
  }
  return left;
}

static int parse_sum(struct parser *ps) {
  int left = parse_product(ps);
  while (ps->tok->kind == T_OP && (ps->tok->value == '+' || ps->tok->value == '-')) {
    char op = (char)ps->tok->value;
    ++ps->tok;
    int right = parse_product(ps);
    left = add_node(ps, op, 0, left, right);
  }
  return left;
}

static int64_t eval(const struct node *nodes, int at, const int64_t *vars) {
  const struct node *n = &nodes[at];
  if (n->op == 0)
    return n->value;
  if (n->op == 'v')
    return vars[n->value];
  int64_t a = eval(nodes, n->left, vars), b = eval(nodes, n->right, vars);
  switch (n->op) {
  case '+': return (a + b) % 1000003;
  case '-': return (a - b) % 1000003;
  case '*': return (a * b) % 1000003;
  case '/': return b ? a / b : a;
  default: return b ? a % b : a;
  }
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 100;
  int statements = 40 * scale;
  char *src = malloc((size_t)statements * 512 + 1), *out = src;
  for (int i = 0; i < statements; ++i) {
    out += sprintf(out, "x%d = ", i % 16);
    emit_expr(&out, 0);
    out += sprintf(out, ";\n");
  }
  *out = 0;
  struct token *toks = malloc((strlen(src) + 1) * sizeof *toks);
  int64_t vars[16];
  for (int i = 0; i < 16; ++i)
    vars[i] = i + 1;
  struct parser ps = {0};
  size_t total_tokens = 0;
  for (int pass = 0; pass < 400; ++pass) {
    total_tokens += tokenize(src, toks);
    ps.tok = toks;
    ps.count = 0;
    while (ps.tok->kind != T_END) {
      int target = ps.tok->value;
      ps.tok += 2; /* variable, '=' */
      int root = parse_sum(&ps);
      ++ps.tok; /* ';' */
      vars[target] = eval(ps.nodes, root, vars);
    }
  }
  int64_t checksum = 0;
  for (int i = 0; i < 16; ++i)
    checksum = checksum * 31 + vars[i];
  printf("tokens %zu checksum %lld\n", total_tokens, (long long)checksum);
  free(ps.nodes);
  free(toks);
  free(src);
  return 0;
}
