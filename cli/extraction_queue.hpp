#pragma once
// Text extraction on several threads with the input order kept.

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "graph/model.hpp"
#include "ingest/json_input.hpp"

namespace factgraph::ingest {
class Lexicon;
}

namespace factgraph::cli {

/// Lays a document out as text (appending to `out`) on the thread that made it, so that thread
/// also frees it. `article` is the article it was extracted from, whose text holds its evidence
/// sentences (ingest::EvidenceText::kOffsetsOnly), or nullptr for facts read as they are.
using DocumentRenderer = std::function<void(const FactsDocument& document,
                                            const ingest::ArticleRecord* article, std::string& out)>;
/// Receives rendered documents.
using TextSink = std::function<void(std::string_view text)>;

/// Receives each document, in input order, on the thread that reads the inputs. The document
/// stays the queue's: it is freed by the thread that made it, which glibc's malloc pays less for.
using DocumentSink = std::function<void(const FactsDocument& document)>;

/// Documents go in as they are read (facts ready, articles still to extract) and come out to
/// the sink in the same order, on the calling thread. Articles are extracted by `jobs` - 1
/// workers and by the caller whenever it would otherwise wait; at most a bounded number of
/// documents are in flight, so memory does not grow with the input.
class ExtractionQueue {
 public:
  ExtractionQueue(const ingest::Lexicon& lexicon, unsigned jobs, DocumentSink sink);
  /// The same, each document rendered by `render` where it is made and handed to `sink` as text:
  /// a document never crosses threads, which glibc's malloc pays for at every free.
  ExtractionQueue(const ingest::Lexicon& lexicon, unsigned jobs, DocumentRenderer render,
                  TextSink sink);
  ~ExtractionQueue();
  ExtractionQueue(const ExtractionQueue&) = delete;
  ExtractionQueue& operator=(const ExtractionQueue&) = delete;

  void facts(FactsDocument document);
  void article(ingest::ArticleRecord article);
  /// Hands every remaining document to the sink. Rethrows the first exception of a worker.
  void finish();

 private:
  struct Slot {
    std::optional<ingest::ArticleRecord> article;  // set while waiting for extraction
    bool taken = false;
    bool ready = false;
    FactsDocument document;
    std::string text;  // the rendered document, when there is a renderer
    std::size_t made_by = kCaller;  // the worker that extracted it
  };
  static constexpr std::size_t kCaller = static_cast<std::size_t>(-1);
  void push(Slot slot);
  // Extracts the next untaken article, if any, as worker `who` (or kCaller); `lock` is held on
  // entry and exit. A worker first frees the documents it made that have been delivered.
  bool work_one(std::unique_lock<std::mutex>& lock, std::size_t who);
  // Hands ready documents at the front to the sink; with `keep_workers_busy`, stops while there
  // is room for more articles and the workers have fewer than two each to start on.
  void deliver_ready(std::unique_lock<std::mutex>& lock, bool keep_workers_busy = false);
  void worker(std::size_t who);
  void rethrow_failure();

  void start_workers(unsigned jobs);
  // A cleared string for a rendered document, reusing the capacity of one already delivered.
  std::string spare_text();

  const ingest::Lexicon& lexicon_;
  DocumentSink sink_;
  DocumentRenderer render_;
  TextSink text_sink_;
  std::vector<std::string> spare_texts_;
  std::size_t window_;
  std::mutex lock_;
  std::condition_variable work_added_, work_done_;
  std::deque<Slot> slots_;  // front is the next document to hand on
  std::size_t pending_ = 0;  // articles not yet taken by anyone
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
  std::vector<std::vector<FactsDocument>> delivered_;  // per worker: documents for it to free
};

}  // namespace factgraph::cli
