#include "cli/commands.hpp"

int main(int argc, char** argv) { return factgraph::cli::run(argc, argv); }
