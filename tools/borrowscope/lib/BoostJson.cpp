// Boost.JSON, compiled once into the tool's library (header-only mode), as
// runtime/boost_json.cpp does for the runtime.
#include <boost/json/src.hpp>
