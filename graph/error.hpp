#pragma once
// The one exception type for environment failures (cannot open, cannot write). Bad input is not
// an exception: ingest reports it as Diagnostics.

#include <stdexcept>
#include <string>

namespace factgraph {

/// Message is subject first: "out.graphml: cannot open for writing: Permission denied".
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace factgraph
