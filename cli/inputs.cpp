#include "cli/inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/extraction_queue.hpp"
#include "graph/error.hpp"
#include "ingest/text/extractor.hpp"

namespace factgraph::cli {
namespace fs = std::filesystem;

namespace {

// fs::path(path).extension() without building a path: tens of thousands of files are asked.
std::string_view extension_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "." || name == "..") return {};
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};  // ".txt" is a hidden file's name
  return name.substr(dot);
}

// fs::path(path).lexically_normal().string(), answered without the path when it is normal
// already: no empty, "." or ".." component.
std::string normal_path(const std::string& path) {
  const std::string_view p = path;
  const bool plain = !p.empty() && p.find("//") == std::string_view::npos &&
                     p.find("/./") == std::string_view::npos && p.find("/../") == std::string_view::npos &&
                     !p.starts_with("./") && !p.starts_with("../") && !p.ends_with("/.") &&
                     !p.ends_with("/..") && p != "." && p != "..";
  return plain ? path : fs::path(path).lexically_normal().string();
}

}  // namespace

InputKind input_kind(const std::string& path) {
  // Extensions are compared in any case, byte by byte: no copy per file of a large folder.
  const std::string_view ext = extension_of(path);
  const auto is = [&](std::string_view lower) {
    return ext.size() == lower.size() &&
           std::equal(ext.begin(), ext.end(), lower.begin(), [](char a, char b) {
             return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + ('a' - 'A')) : a) == b;
           });
  };
  if (is(".json")) return InputKind::kJson;
  if (is(".jsonl") || is(".ndjson")) return InputKind::kJsonLines;
  if (is(".txt") || is(".md")) return InputKind::kText;
  return InputKind::kUnknown;
}

namespace {

// The files under a folder, met as a depth-first listing meets them: entries in the order the
// system lists them, a folder's contents right after the folder. Links to files count as files;
// links to folders are not followed (so a link cannot make a cycle), and folders the user may
// not read are passed over. Thirty thousand articles are listed here, so an entry costs a name
// appended to one path buffer, and a stat only when the listing does not give its type.
struct FolderWalk {
  std::vector<std::string>& notes;
  std::vector<std::string>& files;
  std::size_t found = 0;
  int error = 0;  // errno of the first folder that could not be listed; the walk stops there

  // `top`: the folder named on the command line, which must be readable.
  void walk(const std::string& folder, bool top) {
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder.c_str()), ::closedir);
    if (!dir) {
      if (top || errno != EACCES) error = errno;
      return;
    }
    std::string path = folder;
    if (path.back() != '/') path += '/';
    const std::size_t base = path.size();
    while (true) {
      errno = 0;
      const dirent* entry = ::readdir(dir.get());
      if (entry == nullptr) {
        if (errno != 0) error = errno;
        return;
      }
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      path.resize(base);
      path += name;
      unsigned char type = entry->d_type;
      struct stat info {};
      if (type == DT_UNKNOWN) {
        if (::lstat(path.c_str(), &info) != 0) continue;
        type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISLNK(info.st_mode) ? DT_LNK
               : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_LNK) {  // a file by its target; a dangling link is nothing
        if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
        type = DT_REG;
      }
      if (type == DT_DIR) {
        walk(path, false);
        if (error != 0) return;
        continue;
      }
      if (type == DT_REG) add(path, name);
    }
  }

  void add(const std::string& path, std::string_view name) {
    // Expected-output files and READMEs sit beside sample articles; they describe, not state,
    // facts. A file named on the command line is always read.
    if (name.starts_with(".") || name.ends_with(".expected.json") ||
        name.ends_with(".gold.json") || name.starts_with("README")) {
      notes.push_back(path + ": skipped (documentation or expected output)");
      return;
    }
    if (input_kind(path) == InputKind::kUnknown) {
      notes.push_back(path + ": skipped (not .json, .jsonl, .txt or .md)");
      return;
    }
    files.push_back(path);
    ++found;
  }
};

}  // namespace

std::vector<std::string> collect_files(const std::vector<std::string>& inputs,
                                       std::vector<std::string>& notes,
                                       std::vector<ingest::Diagnostic>& diagnostics) {
  std::vector<std::string> files;  // sorted and made distinct at the end
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back({input, 0, 0, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    FolderWalk walk{notes, files};
    walk.walk(input, true);
    if (walk.error != 0)
      diagnostics.push_back(
          {input, 0, 0, std::string("cannot read folder: ") + std::strerror(walk.error)});
    else if (walk.found == 0)
      notes.push_back(input + ": no .json, .jsonl, .txt or .md files found");
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() { ::close(fd_); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// Opens `path` for reading by its name in its folder, the folder being held open from the file
// before: a folder's files are read one after another, and the kernel then walks one name
// rather than the whole path for each.
int open_for_reading(const std::string& path) {
  struct Folder {
    std::string path;
    int fd = -1;
    ~Folder() {
      if (fd >= 0) ::close(fd);
    }
  };
  thread_local Folder last;
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == path.size())
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (std::string_view(path).substr(0, slash) != last.path || last.fd < 0) {
    if (last.fd >= 0) ::close(last.fd);
    last.path.assign(path, 0, slash);
    // O_PATH needs no right to list the folder, only to pass through it, as open() does.
    last.fd = ::open(last.path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  }
  // A folder that cannot be opened so is left to open(), whose error then names the problem.
  if (last.fd < 0) return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  return ::openat(last.fd, path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC);
}

}  // namespace

std::string read_file(const std::string& path) {
  // A folder of articles is tens of thousands of small files, so each costs as few system calls
  // as can be: open, fstat, read, close. A stream would add a stat by path and a read to find
  // the end.
  const FileDescriptor file(open_for_reading(path));
  if (file.get() < 0) throw IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat info {};
  const bool regular = ::fstat(file.get(), &info) == 0 && S_ISREG(info.st_mode);
  // One byte more than the size: a read that comes back short has met the end of a regular
  // file. Whatever else there is (a file that grew, or one whose size is unknown, like a pipe)
  // is read on in chunks until read() says the end.
  std::string text;
  text.resize(regular ? static_cast<std::size_t>(info.st_size) + 1 : std::size_t{1} << 16);
  std::size_t used = 0;
  while (true) {
    const ssize_t got = ::read(file.get(), text.data() + used, text.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(path + ": cannot read: " + std::strerror(errno));
    }
    used += static_cast<std::size_t>(got);
    const bool whole = regular && used >= static_cast<std::size_t>(info.st_size);
    if (got == 0 || (whole && used < text.size())) break;
    if (used == text.size()) text.resize(2 * text.size());
  }
  text.resize(used);
  return text;
}

namespace {

// Hands a JSON file's records to the queue as the reader checks them, articles with --date
// filled in, so records keep their order within the file.
class QueueSink : public ingest::RecordSink {
 public:
  QueueSink(ExtractionQueue& queue, const std::string& fallback_date)
      : queue_(queue), fallback_date_(fallback_date) {}
  void facts(FactsDocument document) override { queue_.facts(std::move(document)); }
  void article(ingest::ArticleRecord article) override {
    if (article.info.date.empty()) article.info.date = fallback_date_;
    queue_.article(std::move(article));
  }

 private:
  ExtractionQueue& queue_;
  const std::string& fallback_date_;
};

void add_report(LoadReport& report, ingest::ParseReport parsed) {
  report.diagnostics.insert(report.diagnostics.end(),
                            std::make_move_iterator(parsed.diagnostics.begin()),
                            std::make_move_iterator(parsed.diagnostics.end()));
  report.bad_documents += parsed.bad_records;
}

void load_file(const std::string& path, const LoadOptions& options, ExtractionQueue& queue,
               LoadReport& report) {
  auto bad = [&](std::size_t line, std::size_t column, std::string message) {
    report.diagnostics.push_back({path, line, column, std::move(message)});
    ++report.bad_documents;
  };
  const InputKind kind = input_kind(path);
  QueueSink sink(queue, options.fallback_date);
  if (kind == InputKind::kJsonLines) {
    // Read in chunks: a JSON Lines file may be far larger than memory wants to hold.
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) return bad(0, 0, std::string("cannot open: ") + std::strerror(errno ? errno : ENOENT));
    add_report(report, ingest::read_json_lines(in, path, sink));
    return;
  }
  std::string text;
  try {
    text = read_file(path);
  } catch (const IoError& e) {
    // The message is "<path>: <what went wrong>"; the diagnostic names the path itself.
    std::string_view what = e.what();
    if (what.starts_with(path + ": ")) what.remove_prefix(path.size() + 2);
    return bad(0, 0, std::string(what));
  }
  if (kind == InputKind::kText || kind == InputKind::kUnknown) {
    if (const std::size_t at = ingest::find_invalid_utf8(text); at != std::string::npos) {
      const auto pos = ingest::position_of(text, at);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[at]));
      return bad(pos.line, pos.column,
                 std::string("invalid UTF-8 byte ") + hex + " (byte offset " + std::to_string(at) +
                     ")");
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      return bad(0, 0, "empty file; expected article text");
    if (auto problem = ingest::check_dateline(text))
      return bad(problem->line, problem->column, std::move(problem->message));
    // The path (normalised) names the document, so a.txt in two folders stays two documents.
    queue.article(ingest::read_text_article(text, normal_path(path), options.fallback_date));
    return;
  }
  if (ingest::is_graph_json(text))
    return bad(0, 0,
               "is a factgraph graph, not facts; use `factgraph export` or `factgraph query` on it");
  add_report(report, ingest::parse_json_records(text, path, false, sink));
}

}  // namespace

LoadReport load_documents(const std::vector<std::string>& files, const ingest::Lexicon& lexicon,
                          const LoadOptions& options, const DocumentSink& sink) {
  LoadReport report;
  ExtractionQueue queue(lexicon, options.jobs, sink);
  for (const std::string& path : files) load_file(path, options, queue, report);
  queue.finish();
  return report;
}

LoadReport load_documents(const std::vector<std::string>& files, const ingest::Lexicon& lexicon,
                          const LoadOptions& options, const DocumentRenderer& render,
                          const TextSink& sink) {
  LoadReport report;
  ExtractionQueue queue(lexicon, options.jobs, render, sink);
  for (const std::string& path : files) load_file(path, options, queue, report);
  queue.finish();
  return report;
}

}  // namespace factgraph::cli
