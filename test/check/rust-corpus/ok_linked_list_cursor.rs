// ok_linked_list_cursor.rs
// What: a singly linked list of Option<Box<Node>>: push_front via
//   Option::take, an in-place reverse, a cursor loop `while let Some(node) =
//   cur { ...; cur = &mut node.next; }` that re-borrows at each step to
//   append at the tail, and removal of matching nodes through a &mut link.
// Written from: "loops re-borrowing a &mut cursor; Option<Box<T>> lists
//   with take() (the 'too many lists' idioms)".
// Shape: everyday safe Rust (NLL accepts the cursor re-borrow).
// Correct: each step's &mut is replaced by a reborrow of its successor.
//   No EXPECT lines.
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

struct List {
    head: Option<Box<Node>>,
}

impl List {
    fn push_front(&mut self, value: i32) {
        let old = self.head.take();
        self.head = Some(Box::new(Node { value, next: old }));
    }
    fn push_back(&mut self, value: i32) {
        let mut cur = &mut self.head;
        while let Some(node) = cur {
            cur = &mut node.next;
        }
        *cur = Some(Box::new(Node { value, next: None }));
    }
    fn remove_all(&mut self, value: i32) {
        let mut link = &mut self.head;
        loop {
            match link {
                None => break,
                Some(node) if node.value == value => {
                    *link = node.next.take();
                }
                Some(node) => {
                    link = &mut node.next;
                }
            }
        }
    }
    fn reverse(&mut self) {
        let mut prev: Option<Box<Node>> = None;
        let mut cur = self.head.take();
        while let Some(mut node) = cur {
            cur = node.next.take();
            node.next = prev;
            prev = Some(node);
        }
        self.head = prev;
    }
    fn values(&self) -> Vec<i32> {
        let mut out = Vec::new();
        let mut cur = &self.head;
        while let Some(node) = cur {
            out.push(node.value);
            cur = &node.next;
        }
        out
    }
}

fn main() {
    let mut list = List { head: None };
    for i in 0..5 {
        list.push_front(i);
        list.push_back(i * 10);
    }
    list.remove_all(0);
    list.reverse();
    println!("{:?}", list.values());
}
