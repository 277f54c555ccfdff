#pragma once
// `factgraph stats` and `factgraph query`: questions answered as a table or as JSON.

namespace factgraph::cli {

int run_stats(int argc, char** argv);
int run_query(int argc, char** argv);

}  // namespace factgraph::cli
