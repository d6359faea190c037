// Correct: any number of shared borrows at once; const member functions
// while const references are alive; a mutable borrow after the shared ones
// ended.
//
// RUN: %bsclangxx -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>
#include <string>
#include <vector>

struct Account {
  std::string owner;
  int balance = 0;
  int get() const { return balance; }
  void deposit(int n) { balance += n; }
};

static int report(const Account &a, const Account &b) { return a.get() + b.get(); }

int main() {
  Account acct{"ada", 10};
  {
    const Account &view1 = acct;
    const Account &view2 = acct;
    const int &bal = acct.balance;
    std::printf("%d %d\n", report(view1, view2), bal + view1.get());
  }
  acct.deposit(5); // the shared borrows ended with their scope
  std::vector<int> v{1, 2, 3};
  int total = 0;
  for (const int &x : v) // reads only
    total += x + static_cast<int>(v.size());
  const int &first = v.front();
  std::printf("%d %d %d\n", acct.get(), total, first);
  return 0;
}
