#pragma once
// The factgraph binary replaces the global operator new and delete with a per-thread cache of
// small freed blocks in front of malloc (allocation_cache.cpp). Extracting an article allocates
// a few hundred small strings and vectors and frees them all when its document is written;
// glibc keeps only 7 freed blocks of each size per thread, so most of them went through its
// slower bins, about a twentieth of the extraction time. Builds with a sanitizer, or configured
// with -DFACTGRAPH_ALLOCATION_CACHE=OFF, leave operator new alone. The cache asks glibc's
// malloc_usable_size for the size of a block freed without one.

#include <cstddef>

namespace factgraph::cli::allocation_cache {

/// Whether this build has the cache.
[[nodiscard]] bool enabled();

/// Blocks of up to this many bytes are cached; larger ones go to malloc and free directly.
inline constexpr std::size_t kLargestBlock = 512;
/// Freed blocks one thread keeps for each block size, beyond which they go back to free().
inline constexpr std::size_t kBlocksPerSize = 256;

}  // namespace factgraph::cli::allocation_cache
