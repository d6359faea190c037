// BORROWSCOPE_SUPPRESSIONS: findings of a kind at a file (and line), or in
// a function, are not reported; the summary counts them.
//
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// RUN: %bsclang -O0 %s -o prog
// RUN: env BORROWSCOPE_MODE=check ./prog 2> all
// RUN: FileCheck %s --check-prefix=ALL < all
// RUN: echo "# a comment, then a blank line" > one.supp
// RUN: echo "" >> one.supp
// RUN: echo "dangling_borrow:checkmode/suppressions.c:34" >> one.supp
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_SUPPRESSIONS=one.supp ./prog 2> one
// RUN: FileCheck %s --check-prefix=ONE < one
// RUN: echo "fun:second_*" > fun.supp
// RUN: echo "use_after_free:suppressions.c" >> fun.supp
// RUN: echo "*:suppressions.c:31" >> fun.supp
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_SUPPRESSIONS=fun.supp ./prog 2> fun
// RUN: FileCheck %s --check-prefix=FUN < fun
// A suffix must end at a '/': "ressions.c" is not this file.
// RUN: echo "dangling_borrow:ressions.c" > partial.supp
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_SUPPRESSIONS=partial.supp ./prog 2> partial
// RUN: FileCheck %s --check-prefix=ALL < partial
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_SUPPRESSIONS=missing.supp ./prog 2> missing
// RUN: FileCheck %s --check-prefix=MISSING < missing

static int *first_keep, *second_keep;

__attribute__((noinline)) static void first_bug(void) {
  int a = 1;
  first_keep = &a;
}

__attribute__((noinline)) static void second_bug(void) {
  int b = 2;
  second_keep = &b;
}

int main(void) {
  first_bug();
  second_bug();
  return 0;
}

// ALL: suppressions.c:29:14: dangling_borrow: 'a'
// ALL-NEXT: suppressions.c:34:15: dangling_borrow: 'b'
// ALL-NEXT: borrowscope: 2 findings (2 dangling_borrow; 2 cases) in ./prog (pid {{[0-9]+}}), 6 events checked

// ONE: suppressions.c:29:14: dangling_borrow: 'a'
// ONE-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in ./prog (pid {{[0-9]+}}), 1 suppressed, 6 events checked

// FUN: borrowscope: ignoring line 2 of 'fun.supp': 'use_after_free:suppressions.c' (accepted: KIND:FILE[:LINE] with KIND dangling_borrow, borrow_conflict, use_after_move or *; fun:NAME)
// FUN-NEXT: suppressions.c:29:14: dangling_borrow: 'a'
// FUN-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in ./prog (pid {{[0-9]+}}), 1 suppressed, 6 events checked

// MISSING: borrowscope: cannot read the suppressions in 'missing.supp': No such file or directory
// MISSING-NEXT: suppressions.c:29:14: dangling_borrow: 'a'
// MISSING-NEXT: suppressions.c:34:15: dangling_borrow: 'b'
