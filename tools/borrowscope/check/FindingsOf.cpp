// The checker's violations as findings of a model read from the same trace
// (report, HTML, Chrome and JSON exports): the instance ids, Borrow events
// and thread a violation names become indices into the model's variables,
// borrows and threads.
#include "BorrowChecker.h"

#include <algorithm>
#include <unordered_map>

namespace borrowscope {

CheckResults findings_of(const BorrowChecker &checker,
                         const OwnershipModel &model) {
  CheckResults results;
  results.available = true;
  // The model's borrows by the index of their event, for the ones the
  // findings name.
  std::unordered_map<uint64_t, uint32_t> borrow_index;
  for (const Violation &v : checker.violations())
    for (uint64_t event : {v.borrow_event, v.other_borrow_event})
      if (event)
        borrow_index.emplace(event - 1, no_index);
  if (!borrow_index.empty())
    for (uint32_t i = 0; i < model.borrows.size(); ++i)
      if (auto it = borrow_index.find(model.borrows[i].event_index);
          it != borrow_index.end())
        it->second = i;
  using Role = Finding::Role;
  for (const Violation &v : checker.violations()) {
    Finding f;
    f.check = v.kind;
    f.message = v.message;
    if (v.count > 1)
      f.message += " (" + std::to_string(v.count) + " times)";
    f.location = v.location;
    f.time = v.time;
    f.since = v.since;
    f.count = v.count;
    for (uint32_t t = 0; t < model.threads.size(); ++t)
      if (model.threads[t].id == v.thread)
        f.thread = t;
    std::pair<uint64_t, Role> parties[] = {{v.owner_id, Role::Owner},
                                           {v.borrower_id, Role::Holder},
                                           {v.other_holder_id, Role::Holder},
                                           {v.moved_to_id, Role::MovedTo}};
    for (auto [id, role] : parties) {
      uint32_t index = id ? model.find_variable(id) : no_index;
      if (index == no_index || std::find(f.variables.begin(), f.variables.end(),
                                         index) != f.variables.end())
        continue;
      f.variables.push_back(index);
      f.roles.push_back(role);
    }
    for (uint64_t event : {v.borrow_event, v.other_borrow_event})
      if (auto it = event ? borrow_index.find(event - 1) : borrow_index.end();
          it != borrow_index.end() && it->second != no_index &&
          std::find(f.borrows.begin(), f.borrows.end(), it->second) ==
              f.borrows.end())
        f.borrows.push_back(it->second);
    results.findings.push_back(std::move(f));
  }
  return results;
}

} // namespace borrowscope
