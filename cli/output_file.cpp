#include "cli/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <vector>

#include "graph/error.hpp"

namespace factgraph::cli {
namespace {

std::string reason() { return errno != 0 ? std::strerror(errno) : "write failed"; }

}  // namespace

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw IoError("<stdout>: cannot write");
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code status_error;  // a path the system cannot even stat is reported on open
  if (fs::is_directory(target, status_error)) throw IoError(path + ": cannot open for writing: Is a directory");
  // The process id keeps parallel runs apart; the counter keeps outputs of one run apart.
  static int counter = 0;
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  struct Cleanup {
    fs::path file;
    bool armed = true;
    ~Cleanup() {
      std::error_code ignored;
      if (armed) fs::remove(file, ignored);
    }
  } cleanup{temp};
  {
    std::vector<char> buffer(1 << 20);  // declared first: the stream uses it until it closes
    errno = 0;
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      cleanup.armed = false;  // nothing was created
      throw IoError(path + ": cannot open for writing: " + reason());
    }
    write(out);
    out.flush();
    if (!out) throw IoError(path + ": cannot write: " + reason());
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) throw IoError(path + ": cannot rename temporary file into place: " + ec.message());
  cleanup.armed = false;
}

}  // namespace factgraph::cli
