// Negative control for asm_summary.py: what it must catch. An "event" that is
// an out-of-line call, and a thread-local reached through __tls_get_addr
// (the default TLS model of -fPIC code in a shared library).
__attribute__((noinline)) unsigned __borrowscope_hot_new(unsigned clock,
                                                         unsigned site) {
  return clock + site;
}
__thread unsigned counter;
int work(int n) {
  counter += __borrowscope_hot_new((unsigned)n, 1);
  return (int)counter;
}
