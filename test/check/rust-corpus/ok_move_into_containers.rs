// ok_move_into_containers.rs
// What: values built in locals and moved into a Vec, a Box, a String (by
//   `+`), a HashMap (key and value), returned from functions by move, and
//   moved out again with Vec::pop, HashMap::remove and `*boxed`; the moved-
//   from locals are reassigned before being used again.
// Written from: "moving owned values into Vec/Box/String/HashMap; a
//   moved-from variable may be assigned again".
// Shape: everyday safe Rust (what E0382 permits).
// Correct: no moved-from variable is read before reassignment.
//   No EXPECT lines.
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Job {
    name: String,
    cost: u32,
}

fn make(name: &str, cost: u32) -> Job {
    Job { name: name.to_string(), cost }
}

fn main() {
    let mut queue: Vec<Job> = Vec::new();
    let mut job = make("compile", 7);
    queue.push(job);
    job = make("link", 3);
    queue.push(job.clone());
    let boxed: Box<Job> = Box::new(job);
    let mut index: HashMap<String, Job> = HashMap::new();
    let key = String::from("test");
    index.insert(key, make("test", 11));
    let unboxed: Job = *boxed;
    index.insert(unboxed.name.clone(), unboxed);
    let greeting = String::from("jobs:");
    let mut line = greeting + " ";
    for j in &queue {
        line = line + &j.name + ",";
    }
    let last = queue.pop().unwrap();
    let removed = index.remove("test").unwrap();
    let mut names: Vec<&String> = index.keys().collect();
    names.sort();
    println!("{} last={} removed={} cost={} keys={:?}", line, last.name, removed.name,
             removed.cost + last.cost, names);
}
