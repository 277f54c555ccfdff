#include "export/ordered_writer.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>
#include <vector>

namespace factgraph::exporters {
namespace {

// A block far larger than usual (a hub node's mentions) does not keep its memory.
constexpr std::size_t kKeptCapacity = std::size_t{4} << 20;

void write_text(std::ostream& out, const std::string& text) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// Blocks are claimed in order and land in a ring of slots. Any thread writes the next block when
// it is ready and no one else is writing, so writing never waits on one busy thread; otherwise a
// thread formats the next block, and waits only when there is neither.
class OrderedBlocks {
 public:
  OrderedBlocks(const std::vector<std::size_t>& ends, unsigned threads,
                std::size_t slots_per_thread, const FormatBlock& format)
      : ends_(ends), format_(format), blocks_(ends.size()), slots_(slots_per_thread * threads) {}

  void run(std::ostream& out, unsigned threads) {
    std::vector<std::thread> workers;
    try {
      // Fewer threads than asked for (the system refused one) still write every block.
      for (unsigned i = 1; i < threads; ++i)
        workers.emplace_back([this, &out] { pump(out, false); });
    } catch (const std::system_error&) {
    }
    pump(out, true);
    for (std::thread& worker : workers) worker.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  enum class State { kFree, kFormatting, kReady };
  struct Slot {
    State state = State::kFree;
    std::string text;
  };

  Slot& slot_of(std::size_t index) { return slots_[index % slots_.size()]; }

  // Under the lock: the next block, if its slot is free (the writer has taken the block that used
  // it before).
  bool can_claim() const {
    return !error_ && next_claim_ < blocks_ && next_claim_ < next_write_ + slots_.size();
  }

  // Formats block `index` into its slot outside the lock; on failure records the error.
  void format(std::unique_lock<std::mutex>& lock, std::size_t index) {
    Slot& slot = slot_of(index);
    slot.state = State::kFormatting;
    lock.unlock();
    std::exception_ptr error;
    try {
      slot.text.clear();
      format_(index == 0 ? 0 : ends_[index - 1], ends_[index], slot.text);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error && !error_) error_ = error;
    slot.state = State::kReady;
    changed_.notify_all();
  }

  // Writes, formats or waits until every block is written (the caller) or claimed (a worker:
  // the caller writes what is left), or until something fails.
  void pump(std::ostream& out, bool caller) {
    std::unique_lock lock(mutex_);
    while (!error_ && next_write_ < blocks_) {
      Slot& slot = slot_of(next_write_);
      if (!writing_ && slot.state == State::kReady && next_write_ < next_claim_) {
        writing_ = true;
        lock.unlock();
        std::exception_ptr error;
        try {
          write_text(out, slot.text);
          if (slot.text.capacity() > kKeptCapacity) std::string().swap(slot.text);
        } catch (...) {
          error = std::current_exception();
        }
        lock.lock();
        writing_ = false;
        if (error && !error_) error_ = error;
        slot.state = State::kFree;
        ++next_write_;
        changed_.notify_all();
      } else if (can_claim()) {
        format(lock, next_claim_++);
      } else if (!caller && next_claim_ >= blocks_) {
        return;
      } else {
        changed_.wait(lock);
      }
    }
  }

  const std::vector<std::size_t>& ends_;
  const FormatBlock& format_;
  const std::size_t blocks_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_claim_ = 0;
  std::size_t next_write_ = 0;
  bool writing_ = false;  // a thread is writing block next_write_
  std::exception_ptr error_;
};

}  // namespace

namespace {

// Blocks of as many items, which cost about the same, need few slots per thread; blocks cut by
// weight vary more (a hub node's block takes as long as forty of its neighbours'), and a deep
// ring lets the other threads go on while one formats such a block. Each slot keeps a block's
// worth of memory.
constexpr std::size_t kSlotsPerThread = 2;
constexpr std::size_t kWeightedSlotsPerThread = 16;

void write_blocks(std::ostream& out, const std::vector<std::size_t>& block_ends, unsigned threads,
                  std::size_t slots_per_thread, const FormatBlock& format) {
  if (threads <= 1 || block_ends.size() <= 1) {
    std::string text;
    std::size_t begin = 0;
    for (const std::size_t end : block_ends) {
      text.clear();
      format(begin, end, text);
      write_text(out, text);
      begin = end;
    }
    return;
  }
  OrderedBlocks(block_ends, threads, slots_per_thread, format).run(out, threads);
}

}  // namespace

void write_in_order(std::ostream& out, std::size_t count, std::size_t block, unsigned threads,
                    const FormatBlock& format) {
  block = std::max<std::size_t>(block, 1);
  std::vector<std::size_t> ends;
  ends.reserve(count / block + 1);
  for (std::size_t end = block; end - block < count; end += block)
    ends.push_back(std::min(end, count));
  write_blocks(out, ends, threads, kSlotsPerThread, format);
}

void write_in_order(std::ostream& out, const std::vector<std::size_t>& block_ends, unsigned threads,
                    const FormatBlock& format) {
  write_blocks(out, block_ends, threads, kWeightedSlotsPerThread, format);
}

std::vector<std::size_t> weighted_blocks(std::size_t count, std::size_t max_items,
                                         std::size_t target,
                                         const std::function<std::size_t(std::size_t)>& weight) {
  std::vector<std::size_t> ends;
  std::size_t items = 0, total = 0;
  for (std::size_t i = 0; i < count; ++i) {
    // A heavy item closes the block before it, so it does not weigh down lighter neighbours.
    const std::size_t w = weight(i);
    if (items > 0 && total + w > target) {
      ends.push_back(i);
      items = total = 0;
    }
    ++items;
    total += w;
    if (items >= max_items || total >= target) {
      ends.push_back(i + 1);
      items = total = 0;
    }
  }
  if (items > 0) ends.push_back(count);
  return ends;
}

}  // namespace factgraph::exporters

namespace factgraph::exporters {

EdgeSequence::EdgeSequence(const Graph& g) : g_(&g) {
  first_.reserve(boost::num_vertices(g) + 1);
  std::size_t position = 0;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    first_.push_back(position);
    position += boost::out_degree(v, g);
  }
  first_.push_back(position);
}

EdgeSequence::Cursor EdgeSequence::cursor(std::size_t index, std::size_t end) const {
  Cursor at{};
  at.index = index;
  if (index >= end) return at;
  // The vertex whose out-edges hold position `index`: the last one whose first position is not past
  // it (vertices without out-edges share their successor's first position).
  const auto after = std::upper_bound(first_.begin(), first_.end() - 1, index);
  at.v = static_cast<Vertex>(after - first_.begin() - 1);
  std::tie(at.it, at.last) = boost::out_edges(at.v, *g_);
  at.it += static_cast<std::ptrdiff_t>(index - first_[at.v]);  // random access in a vecS list
  return at;
}

EdgeRef EdgeSequence::Cursor::next(const Graph& g) {
  while (it == last) std::tie(it, last) = boost::out_edges(++v, g);
  ++index;
  return *it++;
}

}  // namespace factgraph::exporters
