#include "cli/extraction_queue.hpp"

#include <algorithm>

#include "ingest/text/extractor.hpp"

namespace factgraph::cli {

ExtractionQueue::ExtractionQueue(const ingest::Lexicon& lexicon, unsigned jobs, DocumentSink sink)
    : lexicon_(lexicon), sink_(std::move(sink)) {
  start_workers(jobs);
}

ExtractionQueue::ExtractionQueue(const ingest::Lexicon& lexicon, unsigned jobs,
                                 DocumentRenderer render, TextSink sink)
    : lexicon_(lexicon), render_(std::move(render)), text_sink_(std::move(sink)) {
  start_workers(jobs);
}

void ExtractionQueue::start_workers(unsigned jobs) {
  // Deep enough that the workers go on while the reader spends a while on one merge (a table
  // of the graph growing): small articles keep it to a few megabytes.
  window_ = std::size_t{256} * std::max(1u, jobs);
  // With one job the caller extracts each article as it comes: nothing waits in the window.
  if (jobs <= 1) window_ = 1;
  delivered_.resize(jobs > 1 ? jobs - 1 : 0);
  for (std::size_t i = 0; i + 1 < jobs; ++i) workers_.emplace_back([this, i] { worker(i); });
}

std::string ExtractionQueue::spare_text() {
  if (spare_texts_.empty()) return {};
  std::string text = std::move(spare_texts_.back());
  spare_texts_.pop_back();
  return text;
}

ExtractionQueue::~ExtractionQueue() {
  {
    const std::lock_guard<std::mutex> guard(lock_);
    stopping_ = true;
  }
  work_added_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void ExtractionQueue::facts(FactsDocument document) {
  Slot slot;
  slot.ready = true;
  if (render_) {
    {
      const std::lock_guard<std::mutex> guard(lock_);
      slot.text = spare_text();
    }
    render_(document, nullptr, slot.text);
  } else {
    slot.document = std::move(document);
  }
  push(std::move(slot));
}

void ExtractionQueue::article(ingest::ArticleRecord article) {
  Slot slot;
  slot.article = std::move(article);
  push(std::move(slot));
}

void ExtractionQueue::push(Slot slot) {
  std::unique_lock<std::mutex> lock(lock_);
  rethrow_failure();
  const bool is_article = slot.article.has_value();
  slots_.push_back(std::move(slot));
  if (is_article) {
    ++pending_;
    work_added_.notify_one();
  }
  // Only articles make work for the workers: facts alone are merged as they come, so they do not
  // pile up in memory.
  deliver_ready(lock, is_article);
  while (slots_.size() >= window_) {
    // Rather than wait, the caller extracts; it waits only when every article is being worked on.
    if (!work_one(lock, kCaller))
      work_done_.wait(lock, [&] { return slots_.front().ready || failure_; });
    rethrow_failure();
    deliver_ready(lock, is_article);
  }
}

void ExtractionQueue::finish() {
  std::unique_lock<std::mutex> lock(lock_);
  while (!slots_.empty()) {
    rethrow_failure();
    deliver_ready(lock);
    if (slots_.empty()) break;
    if (!work_one(lock, kCaller))
      work_done_.wait(lock, [&] { return slots_.front().ready || failure_; });
  }
  rethrow_failure();
}

bool ExtractionQueue::work_one(std::unique_lock<std::mutex>& lock, std::size_t who) {
  if (pending_ == 0) return false;
  std::vector<FactsDocument> to_free;
  if (who != kCaller) to_free.swap(delivered_[who]);
  const auto it = std::find_if(slots_.begin(), slots_.end(),
                               [](const Slot& s) { return s.article && !s.taken; });
  // Deque elements stay where they are while others are added or removed at the ends, and this
  // one cannot leave the front before it is ready.
  Slot& slot = *it;
  slot.taken = true;
  --pending_;
  std::string text = render_ ? spare_text() : std::string();
  lock.unlock();
  to_free.clear();
  std::optional<FactsDocument> document;
  std::exception_ptr error;
  try {
    if (render_) {
      // The document is laid out and freed here; its evidence sentences stay in the article.
      render_(ingest::extract_facts(*slot.article, lexicon_, ingest::EvidenceText::kOffsetsOnly),
              &*slot.article, text);
    } else {
      document = ingest::extract_facts(*slot.article, lexicon_);
    }
  } catch (...) {
    error = std::current_exception();
  }
  lock.lock();
  if (error) {
    if (!failure_) failure_ = error;
  } else {
    // The article goes when the document is delivered, on the thread that read it.
    if (render_) {
      slot.text = std::move(text);
    } else {
      slot.document = std::move(*document);
      slot.made_by = who;
    }
    slot.ready = true;
  }
  work_done_.notify_all();
  return true;
}

void ExtractionQueue::deliver_ready(std::unique_lock<std::mutex>& lock, bool keep_workers_busy) {
  while (!slots_.empty() && slots_.front().ready) {
    // Merging a long run of ready documents can take longer than the workers need for the
    // articles they have: the caller goes back to reading when they are about to run out.
    if (keep_workers_busy && pending_ < 2 * workers_.size() && slots_.size() < window_) return;
    FactsDocument document = std::move(slots_.front().document);
    std::string text = std::move(slots_.front().text);
    const std::size_t made_by = slots_.front().made_by;
    std::optional<ingest::ArticleRecord> article = std::move(slots_.front().article);
    slots_.pop_front();
    // The sink (usually the graph builder) runs unlocked so the workers go on meanwhile.
    lock.unlock();
    if (render_) text_sink_(text);
    else sink_(document);
    article.reset();
    if (made_by == kCaller) document = FactsDocument();  // freed here, with the lock open
    lock.lock();
    if (made_by != kCaller) delivered_[made_by].push_back(std::move(document));
    if (render_ && spare_texts_.size() < window_) {
      text.clear();
      spare_texts_.push_back(std::move(text));
    }
  }
}

void ExtractionQueue::worker(std::size_t who) {
  std::unique_lock<std::mutex> lock(lock_);
  while (true) {
    work_added_.wait(lock, [&] { return stopping_ || (pending_ > 0 && !failure_); });
    if (stopping_) {
      std::vector<FactsDocument> to_free;
      to_free.swap(delivered_[who]);
      lock.unlock();
      return;
    }
    work_one(lock, who);
  }
}

void ExtractionQueue::rethrow_failure() {
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace factgraph::cli
