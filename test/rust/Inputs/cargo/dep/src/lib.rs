// A dependency: not instrumented by default.
#[inline(never)]
pub fn seed() -> i32 {
    let s = 41;
    let r = &s;
    *r
}
