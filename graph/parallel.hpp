#pragma once
// Internal to graph/: work shared among threads in ranges of items.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace factgraph::detail {

/// Calls work(begin, end) on up to `threads` threads (the caller is one) for ranges of at most
/// `chunk` items that together cover [0, count) once. A thread takes the next range as it
/// finishes one, so uneven items (a hub's hundred thousand mentions) do not leave the others
/// idle. The first exception thrown by `work` stops the rest and is rethrown here.
template <class Work>
void for_each_range(std::size_t count, unsigned threads, std::size_t chunk, const Work& work) {
  const std::size_t chunks = (count + chunk - 1) / chunk;
  if (threads <= 1 || chunks <= 1) {
    if (count > 0) work(std::size_t{0}, count);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_lock;
  std::exception_ptr error;
  auto run = [&] {
    try {
      for (std::size_t c = next++; c < chunks && !failed; c = next++)
        work(c * chunk, std::min(count, (c + 1) * chunk));
    } catch (...) {
      const std::lock_guard<std::mutex> guard(error_lock);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < std::min<std::size_t>(threads, chunks); ++i) {
    try {
      helpers.emplace_back(run);
    } catch (const std::system_error&) {
      break;  // no thread to be had: the others take its ranges
    }
  }
  run();
  for (std::thread& helper : helpers) helper.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace factgraph::detail
