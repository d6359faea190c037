// ok_rc_refcell.rs
// What: a small graph of Rc<RefCell<Node>> with shared ownership; borrow()
//   guards held side by side, a borrow_mut() guard dropped before the next
//   borrow, a Weak parent link upgraded, try_borrow_mut used to detect a
//   live borrow, and Rc::strong_count checks.
// Written from: "Rc<RefCell<T>>: shared ownership with runtime-checked
//   borrows; guards must be dropped before borrowing mutably".
// Shape: everyday safe Rust (interior mutability).
// Correct: no borrow_mut overlaps another guard (try_borrow_mut is used
//   exactly to observe that, and returns Err). No EXPECT lines.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    value: i32,
    children: Vec<Rc<RefCell<Node>>>,
    parent: Weak<RefCell<Node>>,
}

fn node(value: i32) -> Rc<RefCell<Node>> {
    Rc::new(RefCell::new(Node { value, children: vec![], parent: Weak::new() }))
}

fn sum(n: &Rc<RefCell<Node>>) -> i32 {
    let guard = n.borrow();
    guard.value + guard.children.iter().map(sum).sum::<i32>()
}

fn main() {
    let root = node(1);
    for v in 2..5 {
        let child = node(v);
        child.borrow_mut().parent = Rc::downgrade(&root);
        root.borrow_mut().children.push(Rc::clone(&child));
    }
    let first = Rc::clone(&root.borrow().children[0]);
    {
        let a = root.borrow();
        let b = root.borrow();
        let blocked = root.try_borrow_mut().is_err();
        println!("{} {} {}", a.value, b.children.len(), blocked);
    }
    {
        let mut m = first.borrow_mut();
        m.value *= 10;
    }
    let parent = first.borrow().parent.upgrade().unwrap();
    parent.borrow_mut().value += 100;
    println!("sum {} strong {} {}", sum(&root), Rc::strong_count(&root), Rc::strong_count(&first));
}
