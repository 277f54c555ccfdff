#pragma once
// Writing an output so that a reader never sees half of it.

#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>

namespace factgraph::cli {

/// Writes `path` through `write`, atomically: into a temporary file in the same folder, renamed
/// over `path` only when everything was written. "-" writes to stdout. Throws IoError naming the
/// path when it cannot be opened, written or renamed; the temporary file never stays behind.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace factgraph::cli
