/* A small stack-machine interpreter: a bytecode program counts the primes
   below a bound by trial division and sums a Collatz walk for each of them.
   The dispatch loop, the stack helpers and the frames are ordinary C.
   Usage: interp [SCALE_PERCENT]   Prints the results. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, DIV, LT, EQ, JZ, JMP, OUT, HALT };

struct insn {
  enum op op;
  int64_t arg;
};

struct vm {
  int64_t stack[64];
  int sp;
  int64_t locals[8];
  int64_t out[4];
  int outs;
};

static inline void push(struct vm *vm, int64_t v) { vm->stack[vm->sp++] = v; }
static inline int64_t pop(struct vm *vm) { return vm->stack[--vm->sp]; }

static int64_t run(const struct insn *code, struct vm *vm) {
  int64_t steps = 0;
  for (int pc = 0;; ++steps) {
    const struct insn *in = &code[pc++];
    switch (in->op) {
    case PUSH: push(vm, in->arg); break;
    case LOAD: push(vm, vm->locals[in->arg]); break;
    case STORE: vm->locals[in->arg] = pop(vm); break;
    case ADD: { int64_t b = pop(vm), a = pop(vm); push(vm, a + b); break; }
    case SUB: { int64_t b = pop(vm), a = pop(vm); push(vm, a - b); break; }
    case MUL: { int64_t b = pop(vm), a = pop(vm); push(vm, a * b); break; }
    case MOD: { int64_t b = pop(vm), a = pop(vm); push(vm, a % b); break; }
    case DIV: { int64_t b = pop(vm), a = pop(vm); push(vm, a / b); break; }
    case LT: { int64_t b = pop(vm), a = pop(vm); push(vm, a < b); break; }
    case EQ: { int64_t b = pop(vm), a = pop(vm); push(vm, a == b); break; }
    case JZ: if (pop(vm) == 0) pc = (int)in->arg; break;
    case JMP: pc = (int)in->arg; break;
    case OUT: vm->out[vm->outs++ % 4] = pop(vm); break;
    case HALT: return steps;
    }
  }
}

/* A tiny assembler: jumps name labels, patched once the labels are placed. */
enum label { L_LOOP, L_TRIAL, L_CHECK, L_PRIME, L_COLLATZ, L_STEP, L_EVEN,
             L_COUNT, L_NEXT, L_DONE, L_COUNT_ };
enum local { N, BOUND, D, PRIMES, WALK, X };

struct assembler {
  struct insn code[128];
  int size;
  int label_at[L_COUNT_];
};

static void emit(struct assembler *as, enum op op, int64_t arg) {
  struct insn in = {op, arg};
  as->code[as->size++] = in;
}
static void place(struct assembler *as, enum label l) { as->label_at[l] = as->size; }

static void link_labels(struct assembler *as) {
  for (int i = 0; i < as->size; ++i)
    if (as->code[i].op == JZ || as->code[i].op == JMP)
      as->code[i].arg = as->label_at[as->code[i].arg];
}

/* Counts primes below BOUND by trial division; sums the Collatz walk
   lengths of the primes. */
static void assemble(struct assembler *as) {
  emit(as, PUSH, 2); emit(as, STORE, N);
  emit(as, PUSH, 0); emit(as, STORE, PRIMES);
  emit(as, PUSH, 0); emit(as, STORE, WALK);
  place(as, L_LOOP);
  emit(as, LOAD, N); emit(as, LOAD, BOUND); emit(as, LT, 0); emit(as, JZ, L_DONE);
  emit(as, PUSH, 2); emit(as, STORE, D);
  place(as, L_TRIAL); /* n < d*d: prime */
  emit(as, LOAD, N); emit(as, LOAD, D); emit(as, LOAD, D); emit(as, MUL, 0);
  emit(as, LT, 0); emit(as, JZ, L_CHECK); emit(as, JMP, L_PRIME);
  place(as, L_CHECK); /* d divides n: not prime */
  emit(as, LOAD, N); emit(as, LOAD, D); emit(as, MOD, 0); emit(as, JZ, L_NEXT);
  emit(as, LOAD, D); emit(as, PUSH, 1); emit(as, ADD, 0); emit(as, STORE, D);
  emit(as, JMP, L_TRIAL);
  place(as, L_PRIME);
  emit(as, LOAD, PRIMES); emit(as, PUSH, 1); emit(as, ADD, 0); emit(as, STORE, PRIMES);
  emit(as, LOAD, N); emit(as, STORE, X);
  place(as, L_COLLATZ); /* while !(x < 2) */
  emit(as, LOAD, X); emit(as, PUSH, 2); emit(as, LT, 0); emit(as, JZ, L_STEP);
  emit(as, JMP, L_NEXT);
  place(as, L_STEP);
  emit(as, LOAD, X); emit(as, PUSH, 2); emit(as, MOD, 0); emit(as, JZ, L_EVEN);
  emit(as, LOAD, X); emit(as, PUSH, 3); emit(as, MUL, 0); emit(as, PUSH, 1);
  emit(as, ADD, 0); emit(as, STORE, X); emit(as, JMP, L_COUNT);
  place(as, L_EVEN);
  emit(as, LOAD, X); emit(as, PUSH, 2); emit(as, DIV, 0); emit(as, STORE, X);
  place(as, L_COUNT);
  emit(as, LOAD, WALK); emit(as, PUSH, 1); emit(as, ADD, 0); emit(as, STORE, WALK);
  emit(as, JMP, L_COLLATZ);
  place(as, L_NEXT);
  emit(as, LOAD, N); emit(as, PUSH, 1); emit(as, ADD, 0); emit(as, STORE, N);
  emit(as, JMP, L_LOOP);
  place(as, L_DONE);
  emit(as, LOAD, PRIMES); emit(as, OUT, 0); emit(as, LOAD, WALK); emit(as, OUT, 0);
  emit(as, HALT, 0);
  link_labels(as);
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 100;
  struct assembler as = {0};
  assemble(&as);
  struct vm vm = {0};
  vm.locals[BOUND] = 200000 * (int64_t)scale / 100 + 3;
  int64_t steps = run(as.code, &vm);
  printf("primes %lld collatz %lld steps %lld\n", (long long)vm.out[0],
         (long long)vm.out[1], (long long)steps);
  return 0;
}
