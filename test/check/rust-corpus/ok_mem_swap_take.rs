// ok_mem_swap_take.rs
// What: a double-buffered work queue: std::mem::swap of two Vecs,
//   std::mem::take of a String field, std::mem::replace of an enum state,
//   Option::take and Option::replace on a slot, all through &mut.
// Written from: "std::mem::swap / take / replace and Option::take: moving
//   out of a place behind &mut by leaving a valid value behind".
// Shape: everyday safe Rust (E0507 avoided the idiomatic way).
// Correct: every moved-from place is refilled in the same operation.
//   No EXPECT lines.
use std::mem;

#[derive(Debug)]
enum State {
    Idle,
    Running(String),
    Done(usize),
}

struct Worker {
    current: Vec<u32>,
    next: Vec<u32>,
    log: String,
    state: State,
    pending: Option<Box<u32>>,
}

impl Worker {
    fn step(&mut self) -> usize {
        mem::swap(&mut self.current, &mut self.next);
        let batch = mem::take(&mut self.current);
        for x in &batch {
            self.next.push(x + 1);
        }
        let old = mem::replace(&mut self.state, State::Running(format!("batch{}", batch.len())));
        if let State::Running(name) = old {
            self.log.push_str(&name);
            self.log.push(';');
        }
        if let Some(p) = self.pending.take() {
            self.next.push(*p);
        }
        self.pending.replace(Box::new(batch.len() as u32));
        batch.len()
    }
}

fn main() {
    let mut w = Worker {
        current: vec![],
        next: vec![1, 2, 3],
        log: String::new(),
        state: State::Idle,
        pending: None,
    };
    let mut total = 0;
    for _ in 0..4 {
        total += w.step();
    }
    let log = mem::take(&mut w.log);
    w.state = State::Done(total);
    println!("{} {} {:?} {:?} {}", total, log, w.state, w.next, w.log.is_empty());
}
