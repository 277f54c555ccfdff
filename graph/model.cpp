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

EntityResolver::EntityResolver(const FactsDocument& doc) : doc_(doc) {
  // try_emplace keeps the first entity for a name, as a reader scanning the list would.
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const EntityFact& e = doc.entities[i];
    const long index = static_cast<long>(i);
    if (!e.id.empty()) by_id_.try_emplace(e.id, index);
    by_name_.try_emplace(e.name, index);
    for (const std::string& alias : e.aliases) by_name_.try_emplace(alias, index);
  }
}

long EntityResolver::find(std::string_view ref) const {
  if (auto it = by_id_.find(ref); it != by_id_.end()) return it->second;
  if (auto it = by_name_.find(ref); it != by_name_.end()) return it->second;
  if (!keyed_) {
    keyed_ = true;
    for (std::size_t i = 0; i < doc_.entities.size(); ++i) {
      const EntityFact& e = doc_.entities[i];
      by_key_.try_emplace(normalize_name(e.name), static_cast<long>(i));
      for (const std::string& alias : e.aliases)
        by_key_.try_emplace(normalize_name(alias), static_cast<long>(i));
    }
    by_key_.erase("");
  }
  if (auto it = by_key_.find(normalize_name(ref)); it != by_key_.end()) return it->second;
  return -1;
}

namespace {

bool key_less(const AttributeList::value_type& item, std::string_view key) {
  return item.first.view() < key;
}

std::vector<std::string_view> distinct_documents(const std::vector<Citation>& items) {
  std::vector<std::string_view> out;
  for (const Citation& c : items)
    if (out.empty() || out.back() != c.document.view()) out.push_back(c.document);
  // Built graphs keep citations sorted by document, so this is usually already in order.
  if (!std::is_sorted(out.begin(), out.end())) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

}  // namespace

AttributeList::AttributeList(
    std::initializer_list<std::pair<std::string_view, std::string_view>> items) {
  for (const auto& [key, value] : items) try_emplace(key, value);
}

bool AttributeList::try_emplace(Text key, Text value) {
  const auto at = std::lower_bound(items_.begin(), items_.end(), key.view(), key_less);
  if (at != items_.end() && at->first == key) return false;
  items_.insert(at, {key, value});
  return true;
}

void AttributeList::set(Text key, Text value) {
  const auto at = std::lower_bound(items_.begin(), items_.end(), key.view(), key_less);
  if (at != items_.end() && at->first == key)
    at->second = value;
  else
    items_.insert(at, {key, value});
}

std::string_view AttributeList::get(std::string_view key) const {
  const auto at = std::lower_bound(items_.begin(), items_.end(), key, key_less);
  return at != items_.end() && at->first.view() == key ? at->second.view() : std::string_view();
}

bool AttributeList::contains(std::string_view key) const {
  const auto at = std::lower_bound(items_.begin(), items_.end(), key, key_less);
  return at != items_.end() && at->first.view() == key;
}

std::vector<std::string_view> Node::sources() const { return distinct_documents(mentions); }
std::vector<std::string_view> Edge::sources() const { return distinct_documents(evidence); }

}  // namespace factgraph
