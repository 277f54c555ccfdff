#pragma once
// Writing outputs so that a reader never sees half of one, and a failed run changes none.

#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace factgraph::cli {

using Writer = std::function<void(std::ostream&)>;

/// A set of outputs that land together. Each file is written into a temporary file in its own
/// folder; commit() renames them all into place, so a failure while writing any of them leaves
/// every target as it was. A symbolic link stays a link: the file it leads to is replaced.
/// "-" means stdout; it and outputs that are not regular files (`/dev/null`, a pipe) are written
/// directly at commit(), after the files are in place.
/// Temporary files never stay behind, even when an exception ends the run.
class OutputSet {
 public:
  OutputSet() = default;
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Writes `path` through `write` into its temporary file. Throws IoError naming the path.
  void add(const std::string& path, const Writer& write);
  /// Puts every output in place. Throws IoError naming the path that could not be renamed
  /// (outputs renamed before it stay in place: renaming cannot be undone).
  void commit();

 private:
  struct Pending {
    std::filesystem::path temp;
    std::filesystem::path target;
  };
  std::vector<Pending> files_;
  struct Special {
    std::string path;
    Writer write;
  };
  std::vector<Special> special_writers_;
  std::vector<Writer> stdout_writers_;
};

/// One output alone, as OutputSet does it.
void write_atomically(const std::string& path, const Writer& write);

}  // namespace factgraph::cli
