#include "graph/model.hpp"

#include <algorithm>

#include "graph/names.hpp"

namespace factgraph {

const std::vector<std::string_view> kNodeTypes = {"firm",   "agency", "official", "person",
                                                  "region", "list",   "group"};
const std::vector<std::string_view> kRelationTypes = {
    "added-to-list", "removed-from-list", "subordinate-of", "negotiates-with", "holds-office",
    "located-in",    "part-of",           "maintains",      "sanctions",       "condemns"};

bool is_symmetric_relation(std::string_view type) { return type == "negotiates-with"; }

EntityResolver::EntityResolver(const FactsDocument& doc) {
  // try_emplace keeps the first entity for a name, as a reader scanning the list would.
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const EntityFact& e = doc.entities[i];
    const long index = static_cast<long>(i);
    if (!e.id.empty()) by_id_.try_emplace(e.id, index);
    by_name_.try_emplace(e.name, index);
    for (const std::string& alias : e.aliases) by_name_.try_emplace(alias, index);
  }
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const EntityFact& e = doc.entities[i];
    by_key_.try_emplace(normalize_name(e.name), static_cast<long>(i));
    for (const std::string& alias : e.aliases)
      by_key_.try_emplace(normalize_name(alias), static_cast<long>(i));
  }
  by_key_.erase("");
}

long EntityResolver::find(std::string_view ref) const {
  if (auto it = by_id_.find(ref); it != by_id_.end()) return it->second;
  if (auto it = by_name_.find(ref); it != by_name_.end()) return it->second;
  if (auto it = by_key_.find(normalize_name(ref)); it != by_key_.end()) return it->second;
  return -1;
}

namespace {
template <class Items>
std::vector<std::string> distinct_documents(const Items& items) {
  std::vector<std::string> out;
  for (const Evidence& e : items) out.push_back(e.document);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
}  // namespace

std::vector<std::string> Node::sources() const { return distinct_documents(mentions); }
std::vector<std::string> Edge::sources() const { return distinct_documents(evidence); }

}  // namespace factgraph
