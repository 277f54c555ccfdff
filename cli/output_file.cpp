#include "cli/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "graph/error.hpp"

namespace factgraph::cli {
namespace {

namespace fs = std::filesystem;

std::string reason() { return errno != 0 ? std::strerror(errno) : "write failed"; }

// The file a chain of symbolic links ends at, existing or not, so that renaming into place
// replaces that file and leaves the links as they are.
fs::path link_target(fs::path path) {
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
    fs::path next = fs::read_symlink(path, ec);
    if (ec) return path;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  return path;  // a loop: opening it reports the error
}

}  // namespace

OutputSet::~OutputSet() {
  for (const Pending& p : files_) {
    std::error_code ignored;
    fs::remove(p.temp, ignored);
  }
}

void OutputSet::add(const std::string& path, const Writer& write) {
  if (path == "-") {
    stdout_writers_.push_back(write);
    return;
  }
  std::error_code status_error;  // a path the system cannot even stat is reported on open
  const fs::file_status status = fs::status(path, status_error);
  if (fs::is_directory(status)) throw IoError(path + ": cannot open for writing: Is a directory");
  // Renaming over a device or a pipe (`-o /dev/null`) would put a regular file in its place.
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    special_writers_.push_back({path, write});
    return;
  }
  const fs::path target = link_target(path);
  // The process id keeps parallel runs apart; the counter keeps outputs of one run apart.
  static int counter = 0;
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  std::vector<char> buffer(1 << 20);  // declared first: the stream uses it until it closes
  errno = 0;
  std::ofstream out;
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.open(temp, std::ios::binary | std::ios::trunc);
  if (!out) throw IoError(path + ": cannot open for writing: " + reason());
  // From here the destructor removes the temporary file unless commit() moved it.
  files_.push_back({temp, target});
  write(out);
  out.flush();
  if (!out) throw IoError(path + ": cannot write: " + reason());
  out.close();
  if (!out) throw IoError(path + ": cannot write: " + reason());
}

void OutputSet::commit() {
  while (!files_.empty()) {
    const Pending& p = files_.front();
    std::error_code ec;
    fs::rename(p.temp, p.target, ec);
    if (ec)
      throw IoError(p.target.string() + ": cannot rename temporary file into place: " +
                    ec.message());
    files_.erase(files_.begin());
  }
  for (const Special& special : special_writers_) {
    errno = 0;
    std::ofstream out(special.path, std::ios::binary);
    if (!out) throw IoError(special.path + ": cannot open for writing: " + reason());
    special.write(out);
    out.flush();
    if (!out) throw IoError(special.path + ": cannot write: " + reason());
  }
  special_writers_.clear();
  for (const Writer& write : stdout_writers_) {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw IoError("<stdout>: cannot write");
  }
  stdout_writers_.clear();
}

void write_atomically(const std::string& path, const Writer& write) {
  OutputSet outputs;
  outputs.add(path, write);
  outputs.commit();
}

}  // namespace factgraph::cli
