/*
 * __borrowscope_refill_stub_v2: the hot path's room check calls this from
 * inline assembly (hot_path.h), where the compiler knows of no call. So it
 * must preserve every register and all vector and x87 state (which the C
 * slow path and the C library it calls may use: memcpy with AVX, say), and
 * may rely on nothing but a valid stack below the caller's red zone.
 *
 *   in:  eax = records needed      out: rax = the thread's new cur
 *
 * Vector state is saved with xsave where the CPU and OS have it (size from
 * CPUID, see cpu_state.cpp), else with fxsave.
 */
#if defined(__x86_64__)
  .text
  .globl __borrowscope_refill_stub_v2
  .type __borrowscope_refill_stub_v2, @function
  .p2align 4
__borrowscope_refill_stub_v2:
  .cfi_startproc
  pushq %rbp
  .cfi_def_cfa_offset 16
  .cfi_offset %rbp, -16
  movq %rsp, %rbp
  .cfi_def_cfa_register %rbp
  pushq %rbx
  pushq %rcx
  pushq %rdx
  pushq %rsi
  pushq %rdi
  pushq %r8
  pushq %r9
  pushq %r10
  pushq %r11
  movl %eax, %ebx
  movl bs_xsave_size(%rip), %ecx
  subq %rcx, %rsp
  andq $-64, %rsp
  cmpl $0, bs_use_xsave(%rip)
  je 1f
  /* xrstor wants the reserved part of the header zero; xsave writes only
     XSTATE_BV there. */
  xorl %eax, %eax
  movq %rax, 512(%rsp)
  movq %rax, 520(%rsp)
  movq %rax, 528(%rsp)
  movq %rax, 536(%rsp)
  movq %rax, 544(%rsp)
  movq %rax, 552(%rsp)
  movq %rax, 560(%rsp)
  movq %rax, 568(%rsp)
  movl $-1, %eax
  movl $-1, %edx
  xsave64 (%rsp)
  jmp 2f
1:
  fxsave64 (%rsp)
2:
  movl %ebx, %edi
  call __borrowscope_refill_v2@PLT
  movq %rax, %rbx
  cmpl $0, bs_use_xsave(%rip)
  je 3f
  movl $-1, %eax
  movl $-1, %edx
  xrstor64 (%rsp)
  jmp 4f
3:
  fxrstor64 (%rsp)
4:
  movq %rbx, %rax
  leaq -72(%rbp), %rsp
  popq %r11
  popq %r10
  popq %r9
  popq %r8
  popq %rdi
  popq %rsi
  popq %rdx
  popq %rcx
  popq %rbx
  popq %rbp
  .cfi_def_cfa %rsp, 8
  ret
  .cfi_endproc
  .size __borrowscope_refill_stub_v2, .-__borrowscope_refill_stub_v2
#endif
  .section .note.GNU-stack,"",@progbits
