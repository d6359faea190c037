// ok_observer_detach.cpp
// What: observers attach to a Subject in their constructor and detach in
//   their destructor (RAII), so a scoped observer is gone from the list
//   before it dies.
// Written from: "observer pattern with RAII detach" (the fix for the
//   lapsed-listener bug).
// Shape: real-project C++ (signal/slot connections, scoped subscriptions).
// Correct: the Subject never holds a pointer to a dead Observer.
#include <algorithm>
#include <cstdio>
#include <vector>

class Observer;

class Subject {
public:
  void attach(Observer *o) { obs_.push_back(o); }
  void detach(Observer *o) { obs_.erase(std::find(obs_.begin(), obs_.end(), o)); }
  int notify(int ev);

private:
  std::vector<Observer *> obs_;
};

class Observer {
public:
  Observer(Subject &s, int id) : s_(s), id_(id) { s_.attach(this); }
  ~Observer() { s_.detach(this); }
  Observer(const Observer &) = delete;
  Observer &operator=(const Observer &) = delete;
  int id() const { return id_; }

private:
  Subject &s_;
  int id_;
};

int Subject::notify(int ev) {
  int sum = 0;
  for (Observer *o : obs_)
    sum += o->id() * ev;
  return sum;
}

int main() {
  Subject bus;
  Observer a(bus, 1);
  int inside;
  {
    Observer b(bus, 2);
    inside = bus.notify(10);
  }
  std::printf("%d %d\n", inside, bus.notify(10));
  return 0;
}
