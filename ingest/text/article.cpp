// The extractor's entry points: reading a plain-text article and turning an article into facts.

#include <algorithm>

#include "graph/names.hpp"
#include "ingest/text/analysis.hpp"
#include "ingest/text/extractor.hpp"
#include "ingest/text/words.hpp"

namespace factgraph::ingest {

using namespace std::string_view_literals;
namespace {

// The id of the article's n-th entity in the facts document ("e3").
std::string entity_id(std::size_t n) {
  std::string id = std::to_string(n);
  id.insert(id.begin(), 'e');
  return id;
}

bool iso_day(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && is_iso_date(s);
}

}  // namespace

ArticleRecord read_text_article(std::string_view text, std::string_view id,
                                std::string_view fallback_date) {
  ArticleRecord record;
  record.info.id = std::string(id);
  record.info.date = std::string(fallback_date);
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // a byte-order mark is not text
  // Optional first line: `date YYYY-MM-DD PLACE:` or `date unknown:`; text may follow the colon.
  std::size_t i = body.find_first_not_of(" \t");
  if (i != std::string_view::npos && body.substr(i, 5) == "date "sv) {
    const std::size_t line_end = std::min(body.find('\n', i), body.size());
    const std::size_t colon = body.find(':', i);
    if (colon < line_end) {
      std::string_view head = body.substr(i + 5, colon - i - 5);
      const std::size_t space = head.find(' ');
      const std::string_view when = head.substr(0, space);
      if (iso_day(when) || when == "unknown"sv) {
        if (iso_day(when)) record.info.date = std::string(when);
        if (space != std::string_view::npos) {
          std::string_view place = head.substr(space + 1);
          while (!place.empty() && (place.back() == ' ' || place.back() == ',')) place.remove_suffix(1);
          record.place = std::string(place);
        }
        body = body.substr(colon + 1);
        if (!body.empty() && body[0] == '\n') record.text_line = 2;
      }
    }
  }
  record.text = std::string(body);
  return record;
}

std::optional<Diagnostic> check_dateline(std::string_view text) {
  const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::size_t i = text.find_first_not_of(" \t", bom);
  if (i == std::string_view::npos || text.substr(i, 5) != "date "sv) return std::nullopt;
  const std::string_view line = text.substr(i, text.find('\n', i) - i);
  const std::size_t colon = line.find(':');
  const std::size_t when_at = line.find_first_not_of(' ', 5);
  // "date palms grow ..." is prose; a number after "date" is a dateline.
  if (colon == std::string_view::npos || when_at == std::string_view::npos || when_at >= colon ||
      line[when_at] < '0' || line[when_at] > '9')
    return std::nullopt;
  const std::string_view when = line.substr(when_at, line.find(' ', when_at) - when_at);
  if (iso_day(when.substr(0, std::min(when.size(), colon - when_at)))) return std::nullopt;
  Diagnostic d;
  d.line = 1;
  d.column = i + when_at + 1;
  d.message = "malformed dateline: expected `date YYYY-MM-DD PLACE:` with a real calendar date, got '" +
              std::string(when.substr(0, std::min(when.size(), colon - when_at))) + "'";
  return d;
}

std::vector<long> Article::entities_for_place(std::string_view place) {
  // "Washington, D.C." is one place; "Brussels, Belgium" a city and its country.
  auto region_named = [&](std::string_view text) -> long {
    const auto* hits = lexicon->find(phrase_key(text));
    if (hits)
      for (const PhraseHit& h : *hits)
        if (h.kind == EntryKind::kRegion)
          return entity_for_entry("region", lexicon->regions[h.row].name, "region");
    return -1;
  };
  std::vector<long> out;
  if (const long whole = region_named(place); whole >= 0) {
    out.push_back(whole);
    return out;
  }
  std::size_t start = 0;
  while (start <= place.size()) {
    std::size_t comma = place.find(',', start);
    if (comma == std::string_view::npos) comma = place.size();
    std::string_view part = place.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (const long e = region_named(part); e >= 0) out.push_back(e);
    start = comma + 1;
  }
  return out;
}

void Article::relate(std::string_view type, long source, long target, std::string date,
                     const Sentence& s, std::string_view rule, Attributes attributes) {
  if (source < 0 || target < 0 || source == target) return;
  for (long e : {source, target}) entities[static_cast<std::size_t>(e)].demonym_only = false;
  // The endpoints are compared by index (an "eN" id names one index).
  const auto src = static_cast<std::size_t>(source);
  const auto dst = static_cast<std::size_t>(target);
  for (const RelationFact& r : relations) {
    const bool same = ((r.source_index == src && r.target_index == dst) ||
                       (type == "negotiates-with"sv && r.source_index == dst && r.target_index == src)) &&
                      r.type == type && r.date == date;
    if (same) return;
  }
  RelationFact r;
  r.type = std::string(type);
  r.source = entity_id(src);
  r.target = entity_id(dst);
  r.date = std::move(date);
  r.attributes = std::move(attributes);
  r.evidence = evidence_of(s, rule);
  // Indexes into `entities` until extract_facts maps them to the document's entities.
  r.source_index = src;
  r.target_index = dst;
  relations.push_back(std::move(r));
}

namespace {

// The sentences and token text of the last article a thread read. The next article's sentences
// are made in them, so their token and mention vectors are allocated once per thread rather
// than once per sentence. A thread keeps as much as its largest article needed.
struct SentenceMemory {
  std::vector<Sentence> sentences;
  std::vector<Sentence> more;  // beyond what the last article needed
  TokenArena token_text;
};
thread_local SentenceMemory spare;

}  // namespace

FactsDocument extract_facts(const ArticleRecord& record, const Lexicon& lexicon,
                            EvidenceText evidence) {
  Article a;
  a.record = &record;
  a.lexicon = &lexicon.data();
  a.copy_sentences = evidence == EvidenceText::kCopied;
  // Room for what a news article usually holds, so the tables are not regrown entity by entity.
  a.entities.reserve(32);
  a.relations.reserve(16);
  a.sentences = std::move(spare.sentences);
  a.token_text = std::move(spare.token_text);
  a.token_text.clear();
  const std::vector<Span> spans = split_sentences(record.text);
  while (a.sentences.size() > spans.size()) {
    spare.more.push_back(std::move(a.sentences.back()));
    a.sentences.pop_back();
  }
  while (a.sentences.size() < spans.size() && !spare.more.empty()) {
    a.sentences.push_back(std::move(spare.more.back()));
    spare.more.pop_back();
  }
  a.sentences.resize(spans.size());
  for (std::size_t k = 0; k < spans.size(); ++k) {
    Sentence& s = a.sentences[k];
    s.span = spans[k];
    s.mentions.clear();
    s.heading = false;
    const std::string_view text =
        std::string_view(record.text).substr(s.span.begin, s.span.end - s.span.begin);
    tokenize(text, a.token_text, s.span.begin, s.tokens);
    s.classes = 0;
    for (const Token& t : s.tokens) s.classes |= t.classes;
    // Every date has a number, a month or weekday name or a day word (find_dates).
    if (s.classes & (kDateName | kDayWord | kMixedWord))
      s.dates = find_dates(text, record.info.date, s.tokens, s.span.begin);
    else
      s.dates.clear();
  }
  find_mentions(a);
  if (!record.place.empty()) {
    for (const long place : a.entities_for_place(record.place)) {
      ArticleEntity& e = a.entities[static_cast<std::size_t>(place)];
      e.demonym_only = false;
      if (e.evidence.empty()) e.evidence.push_back({"", "", 0, 0, "dateline"});
    }
    // The place as written is a name of the first (most specific) one.
    const auto places = a.entities_for_place(record.place);
    if (places.size() == 1) {
      ArticleEntity& e = a.entities[static_cast<std::size_t>(places.front())];
      if (record.place != e.name &&
          std::find(e.aliases.begin(), e.aliases.end(), record.place) == e.aliases.end())
        e.aliases.push_back(record.place);
    }
  }
  find_relations(a);

  FactsDocument doc;
  doc.info = record.info;
  doc.entities.reserve(a.entities.size());
  // Where each entity of the article lands in the document; demonym-only ones are left out.
  std::vector<std::size_t> position(a.entities.size(), RelationFact::kUnresolved);
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    ArticleEntity& e = a.entities[i];
    if (e.demonym_only) continue;
    position[i] = doc.entities.size();
    // The article's entities are not needed after this: their strings move into the document.
    EntityFact fact;
    fact.id = entity_id(i);
    for (std::string& alias : e.aliases)
      if (alias != e.name) fact.aliases.push_back(std::move(alias));
    fact.name = std::move(e.name);
    fact.type = std::move(e.type);
    fact.evidence = std::move(e.evidence);
    doc.entities.push_back(std::move(fact));
  }
  // The endpoints are resolved already (relate never links a demonym-only entity), so the
  // graph builder need not look up the "eN" ids.
  for (RelationFact& r : a.relations) {
    r.source_index = position[r.source_index];
    r.target_index = position[r.target_index];
  }
  doc.relations = std::move(a.relations);
  spare.sentences = std::move(a.sentences);
  spare.token_text = std::move(a.token_text);
  return doc;
}

}  // namespace factgraph::ingest
