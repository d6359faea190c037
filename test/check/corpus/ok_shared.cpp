// Correct: any number of shared borrows at once; const member functions
// while const references are alive; a mutable borrow after the shared ones
// ended.
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
