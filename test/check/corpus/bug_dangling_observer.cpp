// bug_dangling_observer.cpp
// What: an event Subject keeps raw pointers to its observers; an Observer
//   declared in an inner block attaches and never detaches; notify() after
//   the block reads the dead observer.
// Written from: "observer pattern where an observer dies while still
//   registered" (the lapsed-listener bug with raw pointers).
// Shape: CWE-416-like use of a stack object after its scope; Rust E0597.
// Seeded bug: one dangling_borrow, at the attach call that stores &o.
#include <cstdio>
#include <vector>

struct Observer {
  int id;
  int seen;
};

class Subject {
public:
  void attach(Observer *o) { observers_.push_back(o); }
  int notify(int event) {
    int n = 0;
    for (Observer *o : observers_) {
      sink_ = o->id + event; // USE: dangling_borrow
      ++n;
    }
    return n;
  }

private:
  std::vector<Observer *> observers_;
  volatile int sink_ = 0;
};

int main() {
  Subject bus;
  Observer permanent{1, 0};
  bus.attach(&permanent);
  {
    Observer temporary{2, 0};
    bus.attach(&temporary); // EXPECT: dangling_borrow
    bus.notify(10);
  }
  std::printf("notified %d\n", bus.notify(20));
  return 0;
}
