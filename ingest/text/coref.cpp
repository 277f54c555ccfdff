// One entity per actor within an article: linking short forms, acronyms and surnames to the
// full names they stand for.

#include <algorithm>

#include "graph/names.hpp"
#include "ingest/text/analysis.hpp"
#include "ingest/text/words.hpp"

namespace factgraph::ingest {

using namespace std::string_view_literals;
namespace {

bool is_region_word(const LexiconData& lex, const Token& t) {
  const auto* hits = lex.find(t.lower);
  if (!hits) return false;
  for (const PhraseHit& h : *hits)
    if (h.kind == EntryKind::kRegion || h.kind == EntryKind::kDemonym) return true;
  return false;
}

// Shorter names an organisation may go by later: its distinctive words without leading place
// names and trailing generic words ("Hangzhou Hikvision Digital Technology" -> "Hikvision",
// "Hikvision Digital").
std::vector<std::string> short_forms(const Sentence& s, const Mention& m, const LexiconData& lex) {
  std::size_t first = m.first, last = m.last;
  while (first < last && (is_region_word(lex, s.tokens[first]) || !s.tokens[first].word)) ++first;
  while (last > first && (!s.tokens[last - 1].word || is_company_form(s.tokens[last - 1].text) ||
                          lex.org_words.count(s.tokens[last - 1].lower)))
    --last;
  std::vector<std::string> out;
  std::string form;
  for (std::size_t i = first; i < last; ++i) {
    if (!s.tokens[i].word || is_connector(s.tokens[i])) break;
    if (!form.empty()) form += ' ';
    form += s.tokens[i].text;
    const bool generic = is_stop_word(s.tokens[first]) ||
                         lex.org_words.count(s.tokens[first].lower) > 0 ||
                         lex.given_names.count(s.tokens[first].text) > 0;
    if (!generic && form.size() >= 3) out.push_back(form);
  }
  return out;
}

const Mention* next_mention(const Sentence& s, std::size_t index) {
  return index + 1 < s.mentions.size() ? &s.mentions[index + 1] : nullptr;
}

}  // namespace

long promote_to_firm(Article& a, Sentence& s, Mention& m) {
  if (m.entity >= 0) return m.entity;
  if (m.type.empty()) m.type = "firm";
  m.entity = a.entity_for(m.text, m.type, "");
  a.entities[static_cast<std::size_t>(m.entity)].demonym_only = false;
  a.note_mention(m.entity, m.text, s);
  return m.entity;
}

void resolve_names(Article& a) {
  const LexiconData& lex = *a.lexicon;
  // short form / acronym / surname -> entity
  std::unordered_map<std::string, long, TransparentHash, std::equal_to<>> short_names;

  // Pass 0: a name right after an official title is a person ("Minister Freeland").
  for (Sentence& s : a.sentences)
    for (std::size_t k = 0; k + 1 < s.mentions.size(); ++k) {
      const Mention& title = s.mentions[k];
      Mention& name = s.mentions[k + 1];
      if (title.role != Mention::Role::kTitle || name.role != Mention::Role::kName ||
          name.first != title.last || name.entity >= 0)
        continue;
      if (lex.titles[title.title_row].kind == "company"sv) continue;
      if (name.type == "person"sv && lex.titles[title.title_row].kind == "official"sv) {
        name.type = "official";
        continue;
      }
      if (!name.type.empty()) continue;
      bool plain = name.last - name.first <= 4;
      for (std::size_t i = name.first; i < name.last && plain; ++i)
        plain = s.tokens[i].capitalised && !s.tokens[i].all_caps && !lex.org_words.count(s.tokens[i].lower);
      if (plain) {
        name.type = lex.titles[title.title_row].kind == "official"sv ? "official" : "person";
        name.rule = "name-after-title";
      }
    }

  // Apposition tells what an untyped name is: "God Nisanov, an oligarch" is a person; the X in
  // "the head of X" is an organisation.
  for (Sentence& s : a.sentences) {
    const auto& t = s.tokens;
    for (Mention& m : s.mentions) {
      if (m.role != Mention::Role::kName || m.entity >= 0 || !m.type.empty()) continue;
      const std::size_t n = m.last - m.first;
      if (n >= 2 && n <= 4 && m.last + 2 < t.size() && t[m.last].text == ","sv) {
        // "Josep Borrell, the EU's foreign policy chief": the noun may follow a possessive.
        for (std::size_t q = m.last + 1; q < std::min(t.size(), m.last + 8); ++q) {
          if (!t[q].word || t[q].capitalised) {
            if (!t[q].word && t[q].text != "'s"sv) break;
            continue;
          }
          if (is_person_noun(t[q])) {
            m.type = "person";
            m.rule = "person-apposition";
            break;
          }
        }
      }
      if (m.type.empty() && m.first >= 2 && t[m.first - 1].lower == "of"sv) {
        const std::string_view role = t[m.first - 2].lower;
        if (role == "head"sv || role == "chief"sv || role == "chairman"sv || role == "ceo"sv ||
            role == "founder"sv || role == "owner"sv || role == "executive"sv || role == "president"sv ||
            role == "shareholder"sv) {
          m.type = "firm";
          m.rule = "head-of-organisation";
        }
      }
    }
  }

  // Pass 1: names that stand on their own (typed organisations, persons) and acronyms defined
  // right after a name: "Office of Foreign Assets Control (OFAC)".
  for (Sentence& s : a.sentences) {
    const auto& t = s.tokens;
    for (std::size_t k = 0; k < s.mentions.size(); ++k) {
      Mention& m = s.mentions[k];
      if (m.role != Mention::Role::kName) continue;
      // A bare "Department" or "Company" refers back; pass 2 resolves it.
      const bool generic = m.last - m.first == 1 && lex.org_words.count(t[m.first].lower) > 0;
      // "Commissioner Malmström" after "Cecilia Malmström": the surname of a person met earlier.
      if (m.entity < 0 && (m.type == "person"sv || m.type == "official"sv) && m.last - m.first == 1)
        if (auto it = short_names.find(m.text); it != short_names.end()) {
          m.entity = it->second;
          a.note_mention(m.entity, m.text, s);
        }
      if (m.entity < 0 && !m.type.empty() && !generic) {
        m.entity = a.entity_for(m.text, m.type, "");
        a.entities[static_cast<std::size_t>(m.entity)].demonym_only = false;
        a.note_mention(m.entity, m.text, s);
        if (m.type == "person"sv || m.type == "official"sv) {
          short_names.emplace(t[m.last - 1].text, m.entity);
          // "Chen Quanguo" is "Chen" on second mention: the family name comes first.
          if (m.last - m.first == 2 && lex.surnames.count(t[m.first].text) &&
              !lex.given_names.count(t[m.first].text))
            short_names.emplace(t[m.first].text, m.entity);
        } else {
          for (const std::string& f : short_forms(s, m, lex)) short_names.emplace(f, m.entity);
        }
      }
      if (m.entity < 0) continue;
      // "(ACRONYM)" right after the name.
      const std::size_t p = m.last;
      if (p + 2 < t.size() && t[p].text == "("sv && t[p + 2].text == ")"sv && t[p + 1].word &&
          (t[p + 1].all_caps || t[p + 1].capitalised) && t[p + 1].text.size() <= 12) {
        const std::string_view acronym = t[p + 1].text;
        if (!lex.find(t[p + 1].lower) || a.entities[static_cast<std::size_t>(m.entity)].type != "region"sv) {
          short_names.emplace(acronym, m.entity);
          a.note_mention(m.entity, acronym, s);
          // The acronym token itself may have become a mention of its own: fold it in.
          if (const Mention* n = next_mention(s, k); n && n->first == p + 1) {
            s.mentions[k + 1].entity = m.entity;
            s.mentions[k + 1].type = m.type;
          }
        }
      }
    }
  }

  // Pass 2: "the Department", "the Bureau", "the company": the latest actor so named.
  long last_firm = -1;
  for (Sentence& s : a.sentences) {
    for (Mention& m : s.mentions) {
      if (m.role != Mention::Role::kName) continue;
      if (m.entity >= 0) {
        if (a.entities[static_cast<std::size_t>(m.entity)].type == "firm"sv) last_firm = m.entity;
        continue;
      }
      if (m.last - m.first != 1) continue;
      const std::string_view word = s.tokens[m.first].lower;
      const std::string* org = lex.org_words.find(word);
      if (!org) continue;
      m.type.clear();
      long found = -1;
      if (*org == "firm"sv) {
        found = last_firm;
      } else {
        for (std::size_t e = 0; e < a.entities.size(); ++e)
          if (a.entities[e].type == "agency"sv && !a.entities[e].evidence.empty() &&
              a.entities[e].name.find(s.tokens[m.first].text) != std::string::npos) {
            // The latest one wins: scan all, keep the highest evidence offset.
            if (found < 0 || a.entities[e].evidence.back().begin >=
                                 a.entities[static_cast<std::size_t>(found)].evidence.back().begin)
              found = static_cast<long>(e);
          }
      }
      if (found >= 0) {
        m.entity = found;
        m.type = a.entities[static_cast<std::size_t>(found)].type;
        m.role = Mention::Role::kReference;
        m.rule = "generic-reference";
        a.note_mention(found, "the " + std::string(s.tokens[m.first].text), s);
      } else {
        m.role = Mention::Role::kReference;  // an unnamed body: not an actor of its own
      }
    }
  }

  // An acronym never defined in parentheses may still spell a name met in the article:
  // "IRISL" for "Islamic Republic of Iran Shipping Lines". Initials are the first bytes of
  // capitalised words, so they are worked out only when a mention still without an entity
  // could be some.
  const auto could_be_initials = [](const Mention& m) {
    return m.role == Mention::Role::kName && m.entity < 0 && m.text.size() >= 3 &&
           std::all_of(m.text.begin(), m.text.end(), [](char c) {
             const auto b = static_cast<unsigned char>(c);
             return (b >= 'A' && b <= 'Z') || b >= 0xC0;
           });
  };
  const bool acronyms = std::any_of(a.sentences.begin(), a.sentences.end(), [&](const Sentence& s) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), could_be_initials);
  });
  TokenArena names;
  std::vector<Token> name_tokens;
  std::string initials;
  for (const ArticleEntity& e : a.entities) {
    if (!acronyms) break;
    if (e.type == "region"sv || e.type == "person"sv || e.type == "official"sv) continue;
    initials.clear();
    names.clear();
    tokenize(e.name, names, 0, name_tokens);
    for (const Token& tok : name_tokens)
      if (tok.word && tok.capitalised) initials += tok.text[0];
    if (initials.size() >= 3) short_names.emplace(initials, static_cast<long>(&e - a.entities.data()));
  }

  // Pass 3: untyped chunks that are a known short form, acronym or surname.
  for (Sentence& s : a.sentences) {
    for (Mention& m : s.mentions) {
      if (m.role != Mention::Role::kName || m.entity >= 0) continue;
      auto it = short_names.find(m.text);
      if (it == short_names.end()) continue;
      m.entity = it->second;
      m.type = a.entities[static_cast<std::size_t>(m.entity)].type;
      a.note_mention(m.entity, m.text, s);
    }
  }
}

}  // namespace factgraph::ingest
