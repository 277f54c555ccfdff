// The allocation cache in front of malloc (cli/allocation_cache.cpp), which this test binary
// links as the factgraph binary does: every other test runs on it too.

#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli/allocation_cache.hpp"

namespace {

using namespace factgraph::cli;

// Fills a block with a pattern made from its seed, and checks it is still there.
void fill(unsigned char* p, std::size_t size, unsigned seed) {
  for (std::size_t i = 0; i < size; ++i) p[i] = static_cast<unsigned char>(seed * 31 + i);
}
bool intact(const unsigned char* p, std::size_t size, unsigned seed) {
  for (std::size_t i = 0; i < size; ++i)
    if (p[i] != static_cast<unsigned char>(seed * 31 + i)) return false;
  return true;
}

struct Block {
  std::unique_ptr<unsigned char[]> bytes;
  std::size_t size;
  unsigned seed;
};

// Allocates and frees blocks of every cached size and some larger, in a random order, checking
// that no block is handed out twice (each keeps the pattern written into it).
bool churn(unsigned seed, int rounds) {
  std::mt19937 random(seed);
  std::vector<Block> live;
  bool ok = true;
  for (int r = 0; r < rounds; ++r) {
    if (live.empty() || random() % 3 != 0) {
      const std::size_t size = random() % (allocation_cache::kLargestBlock + 200);
      Block b{std::make_unique<unsigned char[]>(size), size, static_cast<unsigned>(random())};
      fill(b.bytes.get(), b.size, b.seed);
      live.push_back(std::move(b));
    } else {
      const std::size_t at = random() % live.size();
      ok = ok && intact(live[at].bytes.get(), live[at].size, live[at].seed);
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(at));
    }
  }
  for (const Block& b : live) ok = ok && intact(b.bytes.get(), b.size, b.seed);
  return ok;
}

TEST_CASE("allocation cache: a freed small block serves the next request of its size") {
  if (!allocation_cache::enabled()) return;  // sanitizer builds leave new and delete alone
  // On a new thread, whose cache starts empty: on this one, how full each size's cache is
  // depends on what ran before (doctest's start-up frees strings as long as the source path).
  bool same_array = false, same_unsized = false, same_string = false, same_again = false;
  std::thread fresh([&] {
    auto* first = new std::uint64_t[5];
    delete[] first;
    auto* second = new std::uint64_t[5];
    same_array = second == first;
    delete[] second;
    // A block freed without its size (unsized delete) is filed under the size it was made for.
    void* block = ::operator new(40);
    ::operator delete(block);
    void* sized = ::operator new(40);
    same_unsized = sized == block;
    ::operator delete(sized, 40);  // and with it
    auto* text = new std::string(40, 'x');  // a string of 40 chars allocates 41 bytes
    const char* data = text->data();
    same_string = static_cast<const void*>(data) == sized;
    delete text;
    std::string again(40, 'y');
    same_again = again.data() == data;
  });
  fresh.join();
  CHECK(same_array);
  CHECK(same_unsized);
  CHECK(same_string);
  CHECK(same_again);
}

TEST_CASE("allocation cache: blocks of every size keep their contents on several threads") {
  CHECK(churn(1, 20000));
  std::vector<std::thread> threads;
  std::vector<int> results(4, 0);
  for (unsigned t = 0; t < 4; ++t)
    threads.emplace_back([t, &results] { results[t] = churn(100 + t, 20000) ? 1 : 0; });
  for (std::thread& t : threads) t.join();
  for (const int r : results) CHECK(r == 1);
}

TEST_CASE("allocation cache: blocks freed on another thread are reused there, and threads end cleanly") {
  // Made on this thread, freed on another, which then allocates from them; then it ends and
  // gives its cache back.
  std::vector<std::unique_ptr<std::string>> made;
  for (int i = 0; i < 1000; ++i)
    made.push_back(std::make_unique<std::string>(static_cast<std::size_t>(20 + i % 300), 'a'));
  bool ok = true;
  std::thread other([&made, &ok] {
    made.clear();
    ok = churn(7, 5000);
  });
  other.join();
  CHECK(ok);
  CHECK(churn(8, 5000));
}

}  // namespace
