// The findings of every process of a run in check mode: each process
// writes a file into the directory `borrowscope run` names in
// BORROWSCOPE_FINDINGS_DIR (runtime/check_report.cpp writes them); the run
// merges them into one summary, a finding once however many processes had
// it.
#ifndef BORROWSCOPE_TOOL_FINDINGS_DIR_H
#define BORROWSCOPE_TOOL_FINDINGS_DIR_H

#include <cstdint>
#include <string>
#include <vector>

namespace borrowscope {

struct MergedFindings {
  struct Entry {
    std::string kind, location;
    std::string line;       ///< "file:line:col: kind: message"
    uint64_t count = 0;     ///< cases over all processes
    uint64_t processes = 0; ///< processes that had it
  };
  std::vector<Entry> entries; ///< by location, then kind
  uint64_t processes = 0;     ///< processes checked (files read)
  uint64_t with_findings = 0;
  uint64_t suppressed = 0, events = 0, lost = 0, halted = 0;
  uint64_t unreadable = 0; ///< files not in the format
};

/// Reads every "*.findings" file of \p dir.
MergedFindings merge_findings(const std::string &dir);

/// The merged lines and a one-line summary, for stderr (text escaped).
std::string render_merged(const MergedFindings &m, const std::string &command);

/// Removes \p dir and the files in it.
void remove_findings_dir(const std::string &dir);

} // namespace borrowscope

#endif
