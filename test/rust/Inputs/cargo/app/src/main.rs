fn bump(v: &mut i32) {
    *v += 1;
}

fn main() {
    let mut a = dep::seed();
    bump(&mut a);
    let b = &a;
    println!("{} {}", b, env!("BUILD_ANSWER"));
}
