#include "cli/query_command.hpp"

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "graph/query.hpp"

namespace factgraph::cli {
namespace {

template <class Strings>
std::string join(const Strings& items, std::string_view sep) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

cxxopts::Options graph_command(std::string_view name, std::string_view summary) {
  cxxopts::Options options("factgraph " + std::string(name), std::string(summary));
  options.positional_help("GRAPH...").show_positional_help();
  options.add_options()("h,help", "show this help")(
      "inputs", "inputs", cxxopts::value<std::vector<std::string>>());
  options.parse_positional({"inputs"});
  add_input_options(options);
  options.add_options("Display")("json", "answer as JSON (for scripts)");
  return options;
}

// A loaded graph or the exit code to end with.
struct Loaded {
  std::optional<KnowledgeGraph> graph;
  bool had_errors = false;
};

Loaded load(const cxxopts::ParseResult& args) {
  if (!args.count("inputs"))
    throw UsageError{"no GRAPH given (a factgraph .json graph, or facts and articles)"};
  Loaded loaded;
  loaded.graph = load_graph(args["inputs"].as<std::vector<std::string>>(), args, loaded.had_errors);
  return loaded;
}

bool help(const cxxopts::Options& options, const cxxopts::ParseResult& args) {
  if (!args.count("help")) return false;
  std::cout << options.help({"", "Question", "Input", "Display", "Output"}) << '\n';
  return true;
}

std::string node_json(const Node& n) {
  return "{\"id\":" + json_string(n.id) + ",\"label\":" + json_string(n.label) +
         ",\"type\":" + json_string(n.type) + ",\"aliases\":" + json_array(n.aliases) +
         ",\"sources\":" + json_array(n.sources()) + "}";
}

std::string edge_json(const KnowledgeGraph& g, EdgeRef e) {
  const Edge& edge = g.edge(e);
  std::string out = "{\"source\":" + json_string(g.node(boost::source(e, g.graph())).id) +
                    ",\"target\":" + json_string(g.node(boost::target(e, g.graph())).id) +
                    ",\"type\":" + json_string(edge.type) + ",\"date\":" + json_string(edge.date) +
                    ",\"weight\":" + std::to_string(edge.weight()) +
                    ",\"sources\":" + json_array(edge.sources());
  out += ",\"attributes\":{";
  bool first = true;
  for (const auto& [k, v] : edge.attributes) {
    if (!first) out += ',';
    first = false;
    out += json_string(k) + ":" + json_string(v);
  }
  return out + "}}";
}

std::string attributes_text(const AttributeList& attrs) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : attrs) parts.push_back(k.str() + "=" + v.str());
  return join(parts, ", ");
}

// Resolves a name given on the command line, or explains why it cannot.
std::optional<Vertex> resolve(const KnowledgeGraph& graph, const std::string& name) {
  const Lookup found = lookup(graph, name);
  if (found.matches.size() == 1) return found.matches.front();
  if (found.matches.empty()) {
    std::cerr << "factgraph query: no node named '" << name << "'";
    if (!found.suggestions.empty())
      std::cerr << "; did you mean: " << join(found.suggestions, ", ") << "?";
    std::cerr << '\n';
  } else {
    std::cerr << "factgraph query: '" << name << "' names " << found.matches.size()
              << " nodes; use one of their ids:";
    for (Vertex v : found.matches) std::cerr << ' ' << graph.node(v).id;
    std::cerr << '\n';
  }
  return std::nullopt;
}

void print_nodes(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices, bool json) {
  if (json) {
    std::cout << "[";
    for (std::size_t i = 0; i < vertices.size(); ++i)
      std::cout << (i ? ",\n " : "") << node_json(graph.node(vertices[i]));
    std::cout << "]\n";
    return;
  }
  Table table({"ID", "LABEL", "TYPE", "ALIASES"});
  for (Vertex v : vertices) {
    const Node& n = graph.node(v);
    table.add({n.id, n.label, n.type, join(n.aliases, " | ")});
  }
  table.print(std::cout);
}

void print_edges(const KnowledgeGraph& graph, const std::vector<EdgeRef>& edges, bool json) {
  if (json) {
    std::cout << "[";
    for (std::size_t i = 0; i < edges.size(); ++i)
      std::cout << (i ? ",\n " : "") << edge_json(graph, edges[i]);
    std::cout << "]\n";
    return;
  }
  Table table({"SOURCE", "RELATION", "TARGET", "DATE", "WEIGHT", "DOCUMENTS", "DETAILS"});
  for (EdgeRef e : edges) {
    const Edge& edge = graph.edge(e);
    table.add({graph.node(boost::source(e, graph.graph())).label, edge.type.str(),
               graph.node(boost::target(e, graph.graph())).label, edge.date.str(),
               std::to_string(edge.weight()), join(edge.sources(), ", "),
               attributes_text(edge.attributes)});
  }
  table.print(std::cout);
}

}  // namespace

int run_stats(int argc, char** argv) {
  auto options = graph_command("stats", "Counts by node and edge type, busiest nodes, documents.");
  options.add_options("Display")("top", "how many of the busiest nodes to list",
                                 cxxopts::value<std::size_t>()->default_value("10"));
  const auto args = options.parse(argc, argv);
  if (help(options, args)) return kExitOk;
  Loaded loaded = load(args);
  if (!loaded.graph) return kExitBadInput;
  const KnowledgeGraph& graph = *loaded.graph;
  std::map<std::string, std::size_t> node_types, edge_types;
  for (Vertex v = 0; v < graph.node_count(); ++v) ++node_types[graph.node(v).type];
  for (EdgeRef e : graph.edges_in_order()) ++edge_types[graph.edge(e).type.str()];
  std::vector<Vertex> busiest(graph.node_count());
  for (Vertex v = 0; v < busiest.size(); ++v) busiest[v] = v;
  auto degree = [&](Vertex v) {
    return boost::out_degree(v, graph.graph()) + boost::in_degree(v, graph.graph());
  };
  std::stable_sort(busiest.begin(), busiest.end(),
                   [&](Vertex a, Vertex b) { return degree(a) > degree(b); });
  busiest.resize(std::min(busiest.size(), args["top"].as<std::size_t>()));

  if (args.count("json")) {
    auto counts = [](const std::map<std::string, std::size_t>& m) {
      std::string out = "{";
      for (const auto& [k, v] : m) {
        if (out.size() > 1) out += ',';
        out += json_string(k);
        out += ':';
        out += std::to_string(v);
      }
      return out + "}";
    };
    std::cout << "{\"nodes\":" << graph.node_count() << ",\"edges\":" << graph.edge_count()
              << ",\"documents\":" << graph.documents().size()
              << ",\"node_types\":" << counts(node_types) << ",\"edge_types\":" << counts(edge_types)
              << ",\"busiest\":[";
    for (std::size_t i = 0; i < busiest.size(); ++i)
      std::cout << (i ? "," : "") << "{\"id\":" << json_string(graph.node(busiest[i]).id)
                << ",\"degree\":" << degree(busiest[i]) << "}";
    std::cout << "],\"document_ids\":[";
    for (std::size_t i = 0; i < graph.documents().size(); ++i)
      std::cout << (i ? "," : "") << json_string(graph.documents()[i].id);
    std::cout << "]}\n";
    return loaded.had_errors ? kExitBadInput : kExitOk;
  }
  std::cout << graph.node_count() << " nodes, " << graph.edge_count() << " edges, "
            << graph.documents().size() << " documents\n\n";
  Table types({"NODE TYPE", "COUNT"});
  for (const auto& [t, n] : node_types) types.add({t, std::to_string(n)});
  types.print(std::cout);
  std::cout << '\n';
  Table relations({"RELATION", "COUNT"});
  for (const auto& [t, n] : edge_types) relations.add({t, std::to_string(n)});
  relations.print(std::cout);
  std::cout << '\n';
  Table top({"BUSIEST NODE", "TYPE", "DEGREE"});
  for (Vertex v : busiest)
    top.add({graph.node(v).label, graph.node(v).type, std::to_string(degree(v))});
  top.print(std::cout);
  std::cout << '\n';
  Table docs({"DOCUMENT", "DATE", "TITLE"});
  for (const DocumentInfo& d : graph.documents()) docs.add({d.id, d.date, d.title});
  docs.print(std::cout);
  return loaded.had_errors ? kExitBadInput : kExitOk;
}

int run_query(int argc, char** argv) {
  auto options = graph_command("query", "Ask the graph a question.");
  options.add_options("Question")
      ("type", "list the nodes of this type", cxxopts::value<std::string>())
      ("neighbours", "what this node is linked to", cxxopts::value<std::string>())
      ("edge-type", "with --neighbours: only edges of this relation", cxxopts::value<std::string>())
      ("direction", "with --neighbours: out, in or both",
       cxxopts::value<std::string>()->default_value("both"))
      ("edges", "every edge of this relation, with dates and sources",
       cxxopts::value<std::string>())
      ("path", "shortest connection from this node ...", cxxopts::value<std::string>())
      ("to", "... to this one", cxxopts::value<std::string>())
      ("ego", "the nodes within --radius of this node", cxxopts::value<std::string>())
      ("radius", "with --ego: how many steps", cxxopts::value<std::size_t>()->default_value("1"));
  add_output_options(options);
  const auto args = options.parse(argc, argv);
  if (help(options, args)) return kExitOk;
  const int asked = static_cast<int>(args.count("type") + args.count("neighbours") +
                                     args.count("edges") + args.count("path") + args.count("ego"));
  if (asked != 1)
    throw UsageError{"ask exactly one question: --type, --neighbours, --edges, --path or --ego"};
  if (args.count("path") && !args.count("to")) throw UsageError{"--path needs --to"};
  Direction direction = Direction::kBoth;
  const std::string dir = args["direction"].as<std::string>();
  if (dir == "out") direction = Direction::kOut;
  else if (dir == "in") direction = Direction::kIn;
  else if (dir != "both") throw UsageError{"--direction expects out, in or both, got '" + dir + "'"};
  check_outputs(args);

  Loaded loaded = load(args);
  if (!loaded.graph) return kExitBadInput;
  const KnowledgeGraph& graph = *loaded.graph;
  const bool json = args.count("json") > 0;
  std::vector<Vertex> vertices;
  std::vector<EdgeRef> edges;

  if (args.count("type")) {
    vertices = nodes_of_type(graph, args["type"].as<std::string>());
    print_nodes(graph, vertices, json);
  } else if (args.count("edges")) {
    edges = edges_of_type(graph, args["edges"].as<std::string>());
    for (EdgeRef e : edges) {
      vertices.push_back(boost::source(e, graph.graph()));
      vertices.push_back(boost::target(e, graph.graph()));
    }
    print_edges(graph, edges, json);
  } else if (args.count("neighbours")) {
    const auto v = resolve(graph, args["neighbours"].as<std::string>());
    if (!v) return kExitBadInput;
    const std::string edge_type = args.count("edge-type") ? args["edge-type"].as<std::string>() : "";
    vertices.push_back(*v);
    for (const Neighbour& n : neighbours(graph, *v, edge_type, direction)) {
      edges.push_back(n.edge);
      vertices.push_back(n.other);
    }
    print_edges(graph, edges, json);
  } else if (args.count("path")) {
    const auto from = resolve(graph, args["path"].as<std::string>());
    const auto to = resolve(graph, args["to"].as<std::string>());
    if (!from || !to) return kExitBadInput;
    const auto path = shortest_path(graph, *from, *to);
    if (!path) {
      std::cerr << "factgraph query: '" << graph.node(*from).label << "' and '"
                << graph.node(*to).label << "' are not connected\n";
      return kExitBadInput;
    }
    vertices.push_back(*from);
    for (const Neighbour& step : *path) {
      edges.push_back(step.edge);
      vertices.push_back(step.other);
    }
    print_edges(graph, edges, json);
  } else {
    const auto center = resolve(graph, args["ego"].as<std::string>());
    if (!center) return kExitBadInput;
    vertices = ego_vertices(graph, *center, args["radius"].as<std::size_t>());
    std::vector<bool> inside(graph.node_count(), false);
    for (Vertex v : vertices) inside[v] = true;
    for (EdgeRef e : graph.edges_in_order())
      if (inside[boost::source(e, graph.graph())] && inside[boost::target(e, graph.graph())])
        edges.push_back(e);
    if (json) {
      print_nodes(graph, vertices, true);
    } else {
      print_nodes(graph, vertices, false);
      std::cout << '\n';
      print_edges(graph, edges, false);
    }
  }
  if (args.count("output")) write_outputs(subgraph(graph, vertices, edges), args);
  return loaded.had_errors ? kExitBadInput : kExitOk;
}

}  // namespace factgraph::cli
