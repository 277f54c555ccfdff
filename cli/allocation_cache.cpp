#include "cli/allocation_cache.hpp"

#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <new>

// Sanitizers and memory checkers must see every allocation and every free, so the cache is left
// out under them, and by the CMake option FACTGRAPH_ALLOCATION_CACHE=OFF (for Valgrind's memcheck,
// which does not replace operators the executable defines).
#if defined(FACTGRAPH_NO_ALLOCATION_CACHE) || defined(__SANITIZE_ADDRESS__) || \
    defined(__SANITIZE_HWADDRESS__)
#define FACTGRAPH_ALLOCATION_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(hwaddress_sanitizer)
#define FACTGRAPH_ALLOCATION_CACHE 0
#endif
#endif
#ifndef FACTGRAPH_ALLOCATION_CACHE
#define FACTGRAPH_ALLOCATION_CACHE 1
#endif

namespace factgraph::cli::allocation_cache {

bool enabled() { return FACTGRAPH_ALLOCATION_CACHE != 0; }

}  // namespace factgraph::cli::allocation_cache

#if FACTGRAPH_ALLOCATION_CACHE

namespace {

using factgraph::cli::allocation_cache::kBlocksPerSize;
using factgraph::cli::allocation_cache::kLargestBlock;

// Block sizes are multiples of 16 bytes, malloc's own granule: size class k holds blocks of at
// least 16 k bytes.
constexpr std::size_t kGranule = 16;
constexpr std::size_t kClasses = kLargestBlock / kGranule + 1;  // class 0 is never used

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible and zero-initialised, so it is usable from the thread's first
// allocation to its very end, including from the destructors of other thread_local objects.
struct Cache {
  FreeBlock* heads[kClasses];
  std::uint16_t counts[kClasses];
  bool flush_registered;
  bool closed;  // the thread is ending: blocks go straight back to free()
};
thread_local Cache cache;

// Gives the cached blocks back to malloc when the thread ends.
struct Flusher {
  Flusher() = default;
  Flusher(const Flusher&) = delete;
  Flusher& operator=(const Flusher&) = delete;
  ~Flusher() {
    cache.closed = true;
    for (std::size_t k = 0; k < kClasses; ++k) {
      while (FreeBlock* block = cache.heads[k]) {
        cache.heads[k] = block->next;
        std::free(block);
      }
      cache.counts[k] = 0;
    }
  }
};

void register_flush() {
  cache.flush_registered = true;
  static thread_local Flusher flusher;
}

// Size class of a request of `size` bytes, or 0 when it is not cached.
constexpr std::size_t class_of_request(std::size_t size) {
  return size <= kLargestBlock ? (size + kGranule - 1) / kGranule : 0;
}

void* allocate(std::size_t size) {
  std::size_t bytes = size;
  if (const std::size_t k = class_of_request(size); k != 0) {
    if (FreeBlock* block = cache.heads[k]) {
      cache.heads[k] = block->next;
      --cache.counts[k];
      return block;
    }
    bytes = k * kGranule;  // so that the block can serve any request of its class later
  }
  while (true) {
    if (void* p = std::malloc(bytes == 0 ? 1 : bytes)) return p;
    const std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

// `size`: the size the block was allocated with, or 0 when the caller does not say. A block
// allocated for class k has room for at least 16 k bytes, so malloc_usable_size / 16 is k or,
// for blocks malloc made larger, a class they can serve as well.
void release(void* p, std::size_t size) {
  if (p == nullptr) return;
  const std::size_t k = size != 0 ? class_of_request(size) : malloc_usable_size(p) / kGranule;
  if (k == 0 || k >= kClasses || cache.closed || cache.counts[k] >= kBlocksPerSize) {
    std::free(p);
    return;
  }
  if (!cache.flush_registered) register_flush();
  auto* block = static_cast<FreeBlock*>(p);
  block->next = cache.heads[k];
  cache.heads[k] = block;
  ++cache.counts[k];
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { release(p, 0); }
void operator delete[](void* p) noexcept { release(p, 0); }
void operator delete(void* p, std::size_t size) noexcept { release(p, size); }
void operator delete[](void* p, std::size_t size) noexcept { release(p, size); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p, 0); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p, 0); }

#endif
