// bug_move_slot_read.rs
// What: a hand-written "pop front" moves items[0] out of a Vec<Task> with
//   ptr::read, then (before the slot is overwritten) logs the id of the
//   moved-from slot through items[0], and only then ptr::writes a
//   replacement into it.
// Written from: "ptr::read out of a place behind &mut, then using the place
//   before it is refilled".
// Shape: use after move (E0507/E0382 in safe Rust); Miri does not report it
//   (the bytes are still initialized): a logic bug only a move tracker sees.
// Seeded bug: one use_after_move, at the read of items[0].id.
use std::hint::black_box;
use std::ptr;

struct Task {
    id: u32,
    label: String,
}

fn take_front(items: &mut Vec<Task>, filler: Task) -> Task {
    unsafe {
        let slot: *mut Task = items.as_mut_ptr();
        let front = ptr::read(slot);
        let logged = items[0].id; // EXPECT: use_after_move
        black_box(logged);
        ptr::write(slot, filler);
        front
    }
}

fn main() {
    let mut items = vec![
        Task { id: 1, label: String::from("first") },
        Task { id: 2, label: String::from("second") },
    ];
    let t = take_front(&mut items, Task { id: 0, label: String::from("filler") });
    println!("{} {} {}", t.id, t.label, items[0].label);
}
