// Mentions: gazetteer names, capitalised name chunks, persons, acronyms, titles; and resolving
// them to one entity per actor within the article.

#include <algorithm>
#include <array>
#include <map>

#include "graph/names.hpp"
#include "ingest/text/analysis.hpp"
#include "ingest/text/words.hpp"

namespace factgraph::ingest {

using namespace std::string_view_literals;
namespace {

constexpr std::size_t npos = std::string::npos;

struct GazetteerMatch {
  std::size_t length = 0;
  const std::vector<PhraseHit>* hits = nullptr;
};

// Whether `key` is the lower-case forms of tokens [first, last] joined by single spaces.
bool spells(std::string_view key, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  for (std::size_t j = first; j <= last; ++j) {
    if (j > first) {
      if (key.empty() || key.front() != ' ') return false;
      key.remove_prefix(1);
    }
    // Words are short: compared here byte by byte rather than through a call to memcmp.
    const std::string_view word = tokens[j].lower;
    if (key.size() < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (key[k] != word[k]) return false;
    key.remove_prefix(word.size());
  }
  return key.empty();
}

GazetteerMatch match_at(const std::vector<Token>& tokens, std::size_t i, const LexiconData& lex) {
  GazetteerMatch best;
  // The key ("bureau of industry and security") grows a word at a time, and its hash with it;
  // the key itself is never built: an entry's key is compared with the words.
  std::uint32_t hash = 0;
  std::size_t length = 0;
  if (i >= tokens.size() || !lex.phrases().may_start(tokens[i].hash)) return best;
  const std::size_t limit = std::min(tokens.size(), i + lex.longest_phrase());
  for (std::size_t j = i; j < limit; ++j) {
    if (j > i) {
      hash = PhraseIndex::extend(hash, tokens[j].hash);
      ++length;
    } else {
      hash = tokens[j].hash;
    }
    length += tokens[j].lower.size();
    const PhraseIndex::Step step = lex.phrases().step(hash, [&](const std::string& key) {
      return key.size() == length && spells(key, tokens, i, j);
    });
    if (!step.found) break;  // neither a phrase nor the start of one
    if (step.hits) best = {j - i + 1, step.hits};
    if (!step.prefix) break;  // no phrase goes on from here
  }
  return best;
}

const PhraseHit* first_hit(const std::vector<PhraseHit>& hits, EntryKind kind) {
  for (const PhraseHit& h : hits)
    if (h.kind == kind) return &h;
  return nullptr;
}

std::string surface(const Article& a, const Sentence& s, std::size_t first, std::size_t last) {
  const std::string_view text = a.record->text;
  const std::size_t begin = s.tokens[first].begin;
  std::string out(text.substr(begin, s.tokens[last - 1].end - begin));
  // Hard-wrapped text: a name may run across a line break. Tokens of valid UTF-8 (the readers
  // reject any other) hold no white space, so only the gaps between them are looked at.
  for (std::size_t k = first; k + 1 < last; ++k)
    for (std::size_t at = s.tokens[k].end; at < s.tokens[k + 1].begin; ++at)
      if (const char c = text[at]; c == '\n' || c == '\r' || c == '\t') out[at - begin] = ' ';
  return out;
}

bool is_heading(const std::vector<Token>& tokens) {
  std::size_t words = 0, upper = 0;
  bool lower_content = false;
  for (const Token& t : tokens) {
    if (!t.word) continue;
    ++words;
    if (t.all_caps) ++upper;
    // An ASCII letter, as std::isalpha answers in the "C" locale the program runs in.
    const auto first = static_cast<unsigned char>(t.text[0]);
    if (!t.capitalised && static_cast<unsigned char>((first | 0x20) - 'a') < 26 && !is_connector(t))
      lower_content = true;
  }
  if (words >= 3 && upper * 10 >= words * 7) return true;
  // Title case: every content word capitalised and no full stop, as headlines are written.
  const bool full_stop = !tokens.empty() && tokens.back().text == "."sv;
  return words >= 4 && !lower_content && !full_stop;
}

// Whether tokens [first, last) sit inside a capitalised run that names a law: the run goes on
// (through "'s" and capitalised words) to a law head ("Act") and started with a capitalised word
// before `first`.
bool inside_law_name(const std::vector<Token>& t, std::size_t first, std::size_t last) {
  if (first == 0 || !t[first - 1].capitalised || !t[first - 1].word) return false;
  for (std::size_t j = last; j < t.size() && j < last + 8; ++j) {
    if (t[j].classes & kLawHead) return t[j].capitalised;
    if (t[j].text != "'s"sv && !(t[j].word && t[j].capitalised)) return false;
  }
  return false;
}

// Lower-case words inside personal names: "bin", "ibn", "al", "von", "van", "der".
bool is_name_particle(const Token& k) {
  if (!k.word || k.capitalised || k.lower.size() > 4) return false;
  const std::string_view w = k.lower;
  return w == "bin"sv || w == "bint"sv || w == "ibn"sv || w == "al"sv || w == "von"sv ||
         w == "van"sv || w == "der"sv || w == "den"sv;
}

// A capitalised run that may name an actor: "Hangzhou Hikvision Digital Technology",
// "Bureau of Industry and Security", "Yixin Science & Technology Co.".
std::size_t chunk_end(const std::vector<Token>& t, std::size_t i) {
  std::size_t j = i;
  std::size_t end = i;
  bool has_of = false;
  // No name runs longer than this; the cap keeps a page of capitalised words linear.
  const std::size_t limit = std::min(t.size(), i + 16);
  while (j < limit) {
    const Token& k = t[j];
    if (place_suffix(k) != 0 || (j > i && is_calendar_word(k))) break;
    if (k.word && (k.capitalised || (j > i && std::isdigit(static_cast<unsigned char>(k.text[0])) && k.text.size() < 6))) {
      ++j;
      end = j;
      continue;
    }
    if (j > i && k.text == "&"sv && j + 1 < t.size() && t[j + 1].capitalised) {
      ++j;
      continue;
    }
    // "Faisal bin Farhan", "Ursula von der Leyen": name particles between capitalised words.
    if (j > i && is_name_particle(k) && j + 1 < t.size() &&
        (t[j + 1].capitalised || (is_name_particle(t[j + 1]) && j + 2 < t.size() && t[j + 2].capitalised))) {
      ++j;
      continue;
    }
    // "Nordwind Handels GmbH of Hamburg": a company form ends the name.
    if (j > i && k.word && (k.lower == "of"sv || k.lower == "for"sv || k.lower == "de"sv) &&
        !is_company_form(t[j - 1].text) &&
        j + 1 < t.size() && (t[j + 1].capitalised || (t[j + 1].lower == "the"sv && j + 2 < t.size() && t[j + 2].capitalised))) {
      has_of = true;
      j += t[j + 1].lower == "the"sv ? 2 : 1;
      continue;
    }
    if (j > i && has_of && k.lower == "and"sv && j + 1 < t.size() && t[j + 1].capitalised &&
        !t[j + 1].all_caps) {
      ++j;
      continue;
    }
    break;
  }
  return end;
}

// Company-form suffix after a name: "Co.", ", Ltd.", "Inc." — returns the new end.
std::size_t company_suffix_end(const std::vector<Token>& t, std::size_t end) {
  std::size_t j = end;
  // "Co." and "Ltd." keep their dot; "Company." ends the sentence.
  auto adjacent_dot = [&](std::size_t k) {
    return k < t.size() && k > 0 && t[k].text == "."sv && t[k].begin == t[k - 1].end &&
           t[k - 1].text.size() <= 4 && is_company_form(t[k - 1].text);
  };
  while (true) {
    if (adjacent_dot(j)) {
      ++j;
      continue;
    }
    std::size_t k = j;
    if (k < t.size() && t[k].text == ","sv) ++k;
    // "Cosco Shipping Tanker (Dalian) Co.": a place in parentheses before the company form.
    if (k == j && k + 3 < t.size() && t[k].text == "("sv && t[k + 1].capitalised && t[k + 2].text == ")"sv &&
        t[k + 3].word && t[k + 3].capitalised && is_company_form(t[k + 3].text))
      k += 3;
    if (k < t.size() && t[k].word && t[k].capitalised && is_company_form(t[k].text)) {
      j = k + 1;
      continue;
    }
    return j;
  }
}

bool looks_like_person(const std::vector<Token>& t, std::size_t first, std::size_t last,
                       const LexiconData& lex) {
  const std::size_t n = last - first;
  if (n < 2 || n > 4) return false;
  // A given name first, or a family name first ("Liu He", "Wang Mingshan").
  if (!lex.given_names.count(t[first].text) && !(n == 2 && lex.surnames.count(t[first].text)))
    return false;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first && i + 1 < last && is_name_particle(t[i])) continue;  // "Faisal bin Farhan"
    if (!t[i].word || !t[i].capitalised || t[i].all_caps || lex.org_words.count(t[i].lower))
      return false;
  }
  return true;
}

// "Academy of Military Medical Sciences", "National Institute of Standards": a research body
// whose name says it is the state's is a government body; other academies and institutes are
// organisations of their own.
bool state_institution(const std::vector<Token>& t, std::size_t first, std::size_t last,
                       std::string_view org_word) {
  if (org_word != "academy"sv && org_word != "institute"sv && org_word != "center"sv &&
      org_word != "centre"sv && org_word != "laboratory"sv)
    return false;
  for (std::size_t i = first; i < last; ++i) {
    const std::string_view w = t[i].lower;
    if (w == "military"sv || w == "defense"sv || w == "defence"sv || w == "army"sv || w == "navy"sv ||
        w == "police"sv || w == "ministry"sv || w == "state"sv || w == "national"sv || w == "government"sv)
      return true;
  }
  return false;
}

std::string org_type(const std::vector<Token>& t, std::size_t first, std::size_t last,
                     const LexiconData& lex) {
  if (last - first >= 2 && t[last - 2].lower == "working"sv && t[last - 1].lower == "group"sv)
    return "agency";
  for (std::size_t i = last; i > first; --i) {
    const Token& k = t[i - 1];
    if (!k.word) continue;
    if (is_company_form(k.text)) return "firm";
    // "TechnologiesCo": a company form glued on by a typo.
    for (std::string_view form : {"Co", "Ltd", "Inc", "Corp"})
      if (k.text.size() > form.size() + 2 && k.text.ends_with(form) &&
          std::islower(static_cast<unsigned char>(k.text[k.text.size() - form.size() - 1])))
        return "firm";
    if (const std::string* kind = lex.org_words.find(k.lower)) {
      if (*kind != "org"sv) return *kind;
      return state_institution(t, first, last, k.lower) ? "agency" : "firm";
    }
    break;  // only the head (last word) decides
  }
  // "Office of Export Enforcement", "Bank Keshavarzi": a leading organisation word.
  if (last - first >= 2)
    if (const std::string* kind = lex.org_words.find(t[first].lower)) {
      if (*kind == "org"sv && t[first + 1].lower == "of"sv && state_institution(t, first, last, t[first].lower))
        return "agency";
      if (*kind != "org"sv && (t[first + 1].lower == "of"sv || *kind == "firm"sv)) return *kind;
    }
  return "";
}

// "Government of the Russian Federation", "Russian Government", "United States Government": the
// state itself. Returns the region row or npos.
std::size_t government_region(const std::vector<Token>& t, std::size_t first, std::size_t last,
                              const LexiconData& lex) {
  if (last - first < 2) return npos;
  std::size_t a = first, b = last;
  if (t[first].lower == "government"sv && t[first + 1].lower == "of"sv) {
    a = first + 2;
    if (a < b && t[a].lower == "the"sv) ++a;
  } else if (t[last - 1].lower == "government"sv) {
    b = last - 1;
  } else {
    return npos;
  }
  std::string key;
  for (std::size_t i = a; i < b; ++i) {
    if (!key.empty()) key += ' ';
    key += t[i].lower;
  }
  if (const auto* hits = lex.find(key))
    for (const PhraseHit& h : *hits)
      if (h.kind == EntryKind::kRegion || h.kind == EntryKind::kDemonym) return h.row;
  return npos;
}

}  // namespace

long EntityIndex::find(std::string_view key, std::size_t hash,
                       const std::vector<ArticleEntity>& entities) const {
  if (slots_.empty()) return -1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.index < 0) return -1;
    if (slot.hash == hash && entities[static_cast<std::size_t>(slot.index)].key == key)
      return slot.index;
  }
}

void EntityIndex::insert(std::size_t hash, long index) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
    count_ = 0;
    for (const Slot& slot : old)
      if (slot.index >= 0) insert(slot.hash, slot.index);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].index >= 0) i = (i + 1) & mask;
  slots_[i] = {hash, index};
  ++count_;
}

long Article::entity_for(std::string_view name, std::string_view type, std::string_view key) {
  if (key.empty()) {
    name_key.clear();
    append_normalized_name(name_key, name);
    key = name_key;
  }
  const std::size_t hash = word_hash(key);
  if (const long found = entity_by_key.find(key, hash, entities); found >= 0) return found;
  const auto index = static_cast<long>(entities.size());
  entity_by_key.insert(hash, index);
  ArticleEntity e;
  e.name = std::string(name);
  e.type = std::string(type);
  e.key = std::string(key);
  entities.push_back(std::move(e));
  return index;
}

long Article::entity_for_entry(std::string_view kind, std::string_view name, std::string_view type) {
  entry_key.assign(kind);
  entry_key += ':';
  entry_key += name;
  return entity_for(name, type, entry_key);
}

void Article::note_mention(long entity, std::string_view text, const Sentence& s) {
  ArticleEntity& e = entities[static_cast<std::size_t>(entity)];
  if (text != e.name && std::find(e.aliases.begin(), e.aliases.end(), text) == e.aliases.end()) {
    if (e.aliases.empty()) e.aliases.reserve(4);  // as for the evidence below
    e.aliases.emplace_back(text);
  }
  // One piece of evidence per sentence; offsets identify it without comparing the text.
  for (const Evidence& ev : e.evidence)
    if (ev.begin == s.span.begin && ev.end == s.span.end) return;
  if (e.evidence.empty()) e.evidence.reserve(8);  // one allocation for the usual few
  e.evidence.push_back(evidence_of(s, "mention"));
}

Evidence Article::evidence_of(const Sentence& s, std::string_view rule) const {
  return {"", copy_sentences ? std::string(text_of(s)) : std::string(), s.span.begin, s.span.end,
          std::string(rule)};
}

std::string_view Article::text_of(const Sentence& s) const {
  return std::string_view(record->text).substr(s.span.begin, s.span.end - s.span.begin);
}

void find_mentions(Article& a) {
  const LexiconData& lex = *a.lexicon;
  for (Sentence& s : a.sentences) {
    s.heading = is_heading(s.tokens);
    s.mentions.reserve(8);  // most sentences name a few actors: one allocation, not a growing few
    const auto& t = s.tokens;
    std::size_t i = 0;
    while (i < t.size()) {
      if (!t[i].word) {
        ++i;
        continue;
      }
      if (place_suffix(t[i]) != 0) {  // located_in reads it; it names no actor itself
        ++i;
        continue;
      }
      const GazetteerMatch g = match_at(t, i, lex);
      if (!g.hits && is_stop_word(t[i]) && !t[i].all_caps &&
          !(i + 1 < t.size() && t[i + 1].lower == "of"sv)) {
        ++i;
        continue;
      }
      const bool cap = t[i].capitalised || t[i].all_caps;
      // Capitalised chunk starting here (with a company suffix), to compare with the gazetteer.
      std::size_t cend = cap ? chunk_end(t, i) : i;
      if (cend > i) cend = company_suffix_end(t, cend);
      // "Liu He of China": a person's name and then where the person is from, not one name.
      for (std::size_t o = i + 2; o < cend && o <= i + 4; ++o)
        if (t[o].lower == "of"sv) {
          if (looks_like_person(t, i, o, lex)) cend = o;
          break;
        }
      // In a heading every word is capitalised; only a run that ends like an organisation's
      // name is trusted there.
      if (s.heading && cend > i && !is_company_form(t[cend - 1].text)) cend = i;
      // The organisation type of the chunk from `from` to cend; the rules below ask up to three
      // times, mostly with the same start.
      std::size_t typed_from = npos;
      std::string typed;
      auto chunk_type = [&](std::size_t from) -> const std::string& {
        if (from != typed_from) {
          typed = org_type(t, from, cend, lex);
          typed_from = from;
        }
        return typed;
      };
      const std::size_t glen = g.hits ? g.length : 0;
      const bool gaz_ok = glen > 0 && (cap || first_hit(*g.hits, EntryKind::kList) ||
                                       first_hit(*g.hits, EntryKind::kTitle));
      // A gazetteer name wins unless it is only the first part of a longer organisation name
      // ("Xinjiang" in "Xinjiang Public Security Bureau").
      bool chunk_wins = cend > i + glen && !chunk_type(i).empty() &&
                        !(glen > 0 && i + glen < t.size() && t[i + glen].lower == "of"sv);
      // "Suzhou Kestrel Avionics": a place name followed by words that are not names
      // themselves starts an organisation's name.
      if (!chunk_wins && glen > 0 && cend > i + glen && first_hit(*g.hits, EntryKind::kRegion) &&
          t[i + glen].capitalised && !t[i + glen].all_caps && !lex.find(t[i + glen].lower) &&
          !match_at(t, i + glen, lex).hits && !s.heading)
        chunk_wins = true;
      if (cend > i + 1) {
        if (const std::size_t row = government_region(t, i, cend, lex); row != npos) {
          Mention m;
          m.first = i;
          m.last = cend;
          m.text = surface(a, s, i, cend);
          m.type = "region";
          m.rule = "government-of-country";
          m.entity = a.entity_for_entry("region", lex.regions[row].name, "region");
          a.entities[static_cast<std::size_t>(m.entity)].demonym_only = false;
          a.note_mention(m.entity, m.text, s);
          s.mentions.push_back(std::move(m));
          i = cend;
          continue;
        }
      }
      // "Countering America's Adversaries Through Sanctions Act": a place inside the name of a
      // law is no mention of it.
      if (gaz_ok && !chunk_wins && first_hit(*g.hits, EntryKind::kRegion) && inside_law_name(t, i, i + glen)) {
        i += glen;
        continue;
      }
      if (gaz_ok && !chunk_wins) {
        const std::vector<PhraseHit>& hits = *g.hits;
        Mention m;
        m.first = i;
        m.last = i + glen;
        m.text = surface(a, s, i, i + glen);
        const PhraseHit& h = hits.front();
        switch (h.kind) {
          case EntryKind::kRegion: {
            std::size_t row = h.row;
            m.rule = "gazetteer-region";
            // "Beijing slammed", "Beijing's repression": a capital acting is its government;
            // "talks in Beijing" is the city.
            const std::size_t after = i + glen;
            const bool acting = after < t.size() &&
                                (t[after].text == "'s"sv || is_calendar_word(t[after]) ||
                                 (t[after].word && !t[after].capitalised));
            const bool place = !acting ||
                               (i > 0 && (t[i - 1].lower == "in"sv || t[i - 1].lower == "to"sv ||
                                          t[i - 1].lower == "from"sv || t[i - 1].lower == "at"sv ||
                                          t[i - 1].lower == "near"sv || t[i - 1].lower == "of"sv));
            const std::size_t country = lex.country_of_capital(row);
            if (!place && country != npos && lex.regions[row].name.find(',') == std::string::npos) {
              row = country;
              m.rule = "capital-as-government";
            }
            const RegionEntry& r = lex.regions[row];
            m.type = "region";
            // "U.S. export controls": an abbreviation used as an adjective only evokes the country.
            // "U.S.-origin items": joined to a lower-case word by a hyphen, the same.
            const bool hyphened = after + 1 < t.size() && t[after].text == "-"sv &&
                                  t[after].end == t[after + 1].begin && t[after + 1].word &&
                                  !t[after + 1].capitalised && t[after].begin == t[after - 1].end;
            if (t[i].all_caps && glen == 1 && after < t.size() &&
                ((t[after].word && !t[after].capitalised && !is_verb_like(t[after])) || hyphened)) {
              m.role = Mention::Role::kDemonym;
              m.rule = "attributive-abbreviation";
              m.entity = a.entity_for_entry("region", r.name, "region");
              break;
            }
            m.entity = a.entity_for_entry("region", r.name, "region");
            break;
          }
          case EntryKind::kDemonym:
            m.type = "region";
            m.role = Mention::Role::kDemonym;
            m.rule = "gazetteer-demonym";
            m.entity = a.entity_for_entry("region", lex.regions[h.row].name, "region");
            break;
          case EntryKind::kAgency:
          case EntryKind::kAgencyMetonym: {
            // "Chinese military end uses": an alias ending in a common word, used as an
            // adjective, names no body; its demonym still evokes the country.
            const std::size_t after = i + glen;
            if (glen > 1 && !t[after - 1].capitalised && after < t.size() && t[after].word &&
                !t[after].capitalised && !is_verb_like(t[after]) && !is_connector(t[after]) &&
                (!is_stop_word(t[after]) || is_org_noun(t[after])))
              if (const auto* single = lex.find(t[i].lower)) {
                if (const PhraseHit* demonym = first_hit(*single, EntryKind::kDemonym)) {
                  m.last = i + 1;
                  m.text = surface(a, s, i, i + 1);
                  m.type = "region";
                  m.role = Mention::Role::kDemonym;
                  m.rule = "gazetteer-demonym";
                  m.entity = a.entity_for_entry("region", lex.regions[demonym->row].name, "region");
                  break;
                }
              }
            const PhraseHit* named = first_hit(hits, EntryKind::kAgency);
            const PhraseHit& use = named ? *named : h;
            const AgencyEntry& agency = lex.agencies[use.row];
            // Banks are firms, state-owned or not, by the conventions we annotate with.
            const bool bank = agency.name.find("Bank") != std::string::npos &&
                              agency.name.find("World Bank") == std::string::npos;
            m.type = bank ? "firm" : "agency";
            m.rule = "gazetteer-agency";
            m.entity = a.entity_for_entry("agency", agency.name, m.type);
            // "China's Foreign Ministry", "Chinese Commerce Ministry": the country named in front
            // places the body, and the rest is a name of its own.
            for (std::size_t k = i + glen - 1; k > i && !agency.country.empty(); --k) {
              std::string key;
              for (std::size_t x = i; x < k; ++x) {
                if (x > i) key += ' ';
                key += t[x].lower;
              }
              const auto* prefix = lex.find(key);
              const std::size_t rest = (k < t.size() && t[k].text == "'s"sv) ? k + 1 : k;
              // Only a possessive or a demonym places it: "U.S." in "U.S. Commerce Department"
              // is part of the body's name.
              const bool possessive = rest == k + 1;
              if (!prefix || rest >= i + glen || (!possessive && t[i].all_caps)) continue;
              for (const PhraseHit& ph : *prefix)
                if ((ph.kind == EntryKind::kRegion || ph.kind == EntryKind::kDemonym) &&
                    lex.regions[ph.row].name == agency.country) {
                  m.place = a.entity_for_entry("region", agency.country, "region");
                  a.note_mention(m.entity, surface(a, s, rest, i + glen), s);
                  if (ph.kind == EntryKind::kRegion) {
                    a.entities[static_cast<std::size_t>(m.place)].demonym_only = false;
                    a.note_mention(m.place, surface(a, s, i, k), s);
                  }
                  k = i + 1;
                  break;
                }
            }
            break;
          }
          case EntryKind::kList:
            m.type = "list";
            m.rule = "gazetteer-list";
            m.entity = a.entity_for_entry("list", lex.lists[h.row].name, "list");
            break;
          case EntryKind::kGroup:
            m.type = "group";
            m.rule = "gazetteer-group";
            m.entity = a.entity_for_entry("group", lex.groups[h.row], "group");
            break;
          case EntryKind::kTitle: {
            m.role = Mention::Role::kTitle;
            m.title_row = h.row;
            m.rule = "gazetteer-title";
            // "Deputy Economy Minister": capitalised words up to a further title word belong
            // to the title, whose head decides what it implies.
            for (std::size_t j = m.last; j < t.size() && j < m.last + 3 && t[j].capitalised; ++j) {
              const GazetteerMatch more = match_at(t, j, lex);
              if (more.hits && first_hit(*more.hits, EntryKind::kTitle)) {
                m.last = j + more.length;
                // An honorific after the office ("Foreign Minister Prince") keeps the office.
                const std::size_t row = first_hit(*more.hits, EntryKind::kTitle)->row;
                if (lex.titles[row].kind != "honorific"sv) m.title_row = row;
                m.text = surface(a, s, m.first, m.last);
                j = m.last - 1;
              }
            }
            break;
          }
          case EntryKind::kEntity:
            m.type = lex.entities[h.row].type;
            m.rule = "lexicon-entity";
            m.entity = a.entity_for_entry("entity", lex.entities[h.row].name, m.type);
            break;
        }
        // Regions named only as a demonym are not actors until a relation grounds them.
        if (m.entity >= 0 && m.role != Mention::Role::kDemonym) {
          a.entities[static_cast<std::size_t>(m.entity)].demonym_only = false;
          a.note_mention(m.entity, m.text, s);
        }
        const std::size_t next = m.last;
        s.mentions.push_back(std::move(m));
        i = next;
        continue;
      }
      if (cend > i && i > 0 && t[i - 1].text == "["sv && cend < t.size() && t[cend].text == "]"sv) {
        i = cend;  // "[SDGT]": a programme tag
        continue;
      }
      if (cend > i) {
        std::size_t first = i;
        // A sentence-initial function word is capitalised only by position.
        while (first < cend && is_stop_word(t[first]) && !t[first].all_caps) ++first;
        const bool law = first < cend && is_law_or_event(t, first, cend);
        if (law && cend + 2 < t.size() && t[cend].text == "("sv && t[cend + 2].text == ")"sv)
          a.not_actors.emplace(t[cend + 1].text);
        // "Deputy Economy Minister Rosa Ibarra Solis": a title inside the run, then a name.
        if (first < cend && !law && chunk_type(first).empty()) {
          std::size_t title_end = 0, title_row = 0;
          for (std::size_t j = first; j < cend; ++j) {
            const GazetteerMatch g2 = match_at(t, j, lex);
            const PhraseHit* title = g2.hits ? first_hit(*g2.hits, EntryKind::kTitle) : nullptr;
            if (!title || j + g2.length >= cend || cend - (j + g2.length) > 4 ||
                is_connector(t[j + g2.length]))
              continue;
            // "Foreign Minister Prince Faisal": an honorific extends the title, whose office
            // stays the one named before it.
            const bool honorific = lex.titles[title->row].kind == "honorific"sv;
            if (!honorific || title_end == 0) title_row = title->row;
            title_end = j + g2.length;
          }
          if (title_end > first && lex.titles[title_row].kind != "company"sv) {
            Mention title;
            title.first = first;
            title.last = title_end;
            title.text = surface(a, s, first, title_end);
            title.role = Mention::Role::kTitle;
            title.title_row = title_row;
            title.rule = "title-in-name-run";
            s.mentions.push_back(std::move(title));
            first = title_end;
          }
        }
        // A company form alone ("Co.") names nobody; "Hong" in "Hong Kong-based" is part of
        // the place.
        const bool form_only = cend - first == 1 && t[first].text.size() <= 4 && is_company_form(t[first].text);
        const bool place_part = cend < t.size() && place_suffix(t[cend]) != 0 &&
                                t[cend].begin == t[cend - 1].end + 1;
        // "August 7", "Jan.", "Monday": a date, not a name ("June Wang" is one).
        const bool calendar = first < cend && (is_calendar_word(t[first]) || (t[first].classes & kDateName)) &&
                              (cend - first == 1 || std::isdigit(static_cast<unsigned char>(t[first + 1].text[0])));
        if (first < cend && !law && !form_only && !place_part && !calendar) {
          Mention m;
          m.first = first;
          m.last = cend;
          m.text = surface(a, s, first, cend);
          m.type = chunk_type(first);
          m.rule = m.type.empty() ? "name-chunk" : "org-head-word";
          if (m.type.empty() && looks_like_person(t, first, cend, lex)) {
            m.type = "person";
            m.rule = "person-name";
          }
          s.mentions.push_back(std::move(m));
        }
        i = cend;
        continue;
      }
      // "unmanned aerial vehicles (UAVs)": an acronym of a common noun names no actor.
      if (i + 3 < t.size() && !t[i].capitalised && t[i + 1].text == "("sv && t[i + 3].text == ")"sv)
        a.not_actors.emplace(t[i + 2].text);
      ++i;
    }
  }
  for (Sentence& s : a.sentences)
    std::erase_if(s.mentions, [&](const Mention& m) {
      return m.entity < 0 && m.role == Mention::Role::kName && a.not_actors.count(m.text);
    });
  resolve_names(a);
}

}  // namespace factgraph::ingest
