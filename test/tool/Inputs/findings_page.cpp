// For browser/findings.test: writes the HTML report of a trace with one
// finding, handed to export_html as the checks hand theirs, so that the
// page's rendering of findings is tested apart from the checks.
//   findings_page TRACE OUT.html VARIABLE MESSAGE
#include "Exporters.h"

#include <cstdio>

using namespace borrowscope;

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: findings_page TRACE OUT.html VARIABLE MESSAGE\n");
    return 2;
  }
  OwnershipModel model = load_model(argv[1]);
  CheckResults checks;
  checks.available = true;
  for (uint32_t i = 0; i < model.variables.size(); ++i) {
    const Variable &v = model.variables[i];
    if (model.str(v.name) != argv[3])
      continue;
    Finding f;
    f.check = "test-finding";
    f.message = argv[4];
    f.location = model.str(v.location);
    f.time = v.created;
    f.variables.push_back(i);
    checks.findings.push_back(f);
    break;
  }
  Output out(argv[2]);
  export_html(model, checks, {"trace.json"}, out);
  out.close();
  std::printf("findings: %zu\n", checks.findings.size());
  return 0;
}
