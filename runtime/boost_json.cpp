// Boost.JSON, compiled into the runtime once (header-only mode), so that
// instrumented programs need no libboost_json at run time.
#include <boost/json/src.hpp>
