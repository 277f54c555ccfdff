// Structural relations stated by the shape of a phrase rather than by a verb: who a unit belongs
// to, who holds which office, where an organisation is, which agency keeps which list.

#include <algorithm>
#include <cctype>

#include "ingest/text/analysis.hpp"
#include "ingest/text/words.hpp"

namespace factgraph::ingest {

using namespace std::string_view_literals;
namespace {

const ArticleEntity& entity(const Article& a, long e) { return a.entities[static_cast<std::size_t>(e)]; }

bool named(const Mention& m) {
  return (m.role == Mention::Role::kName || m.role == Mention::Role::kReference) && m.entity >= 0;
}

bool is_org(const Article& a, const Mention& m) {
  if (!named(m)) return false;
  const std::string& t = entity(a, m.entity).type;
  return t == "agency"sv || t == "firm"sv;
}

bool is_region(const Article& a, const Mention& m) {
  return m.entity >= 0 && entity(a, m.entity).type == "region"sv;
}

// Mention starting at token `i`, or nullptr.
Mention* mention_at(Sentence& s, std::size_t i) {
  for (Mention& m : s.mentions)
    if (m.first == i) return &m;
  return nullptr;
}

long make_region_used(Article& a, const Mention& m, const Sentence& s) {
  ArticleEntity& e = a.entities[static_cast<std::size_t>(m.entity)];
  if (e.demonym_only) {
    e.demonym_only = false;
    a.note_mention(m.entity, m.text, s);
  }
  return m.entity;
}

void subordinate(Article& a, Sentence& s) {
  const LexiconData& lex = *a.lexicon;
  auto& t = s.tokens;
  for (std::size_t k = 0; k < s.mentions.size(); ++k) {
    Mention& m = s.mentions[k];
    if (!is_org(a, m)) continue;
    const std::size_t after = m.last;
    // "Commerce Department's Bureau of Industry and Security"
    if (after + 1 < t.size() && t[after].text == "'s"sv)
      if (Mention* unit = mention_at(s, after + 1); unit && is_org(a, *unit) &&
                                                     entity(a, unit->entity).type == "agency"sv &&
                                                     entity(a, m.entity).type == "agency"sv)
        a.relate("subordinate-of", unit->entity, m.entity, "", s, "possessive-unit");
    // "Bureau ... of the U.S. Department of Commerce"; "Bureau of Industry and Security, Commerce"
    std::size_t j = after;
    if (j < t.size() && t[j].text == "("sv)
      while (j < t.size() && t[j].text != ")"sv) ++j;
    if (j < t.size() && t[j].text == ")"sv) ++j;
    const bool of = j < t.size() && t[j].lower == "of"sv;
    const bool comma = j < t.size() && t[j].text == ","sv;
    if (of || comma) {
      std::size_t p = j + 1;
      if (p < t.size() && t[p].lower == "the"sv) ++p;
      if (Mention* parent = mention_at(s, p); parent && is_org(a, *parent) &&
                                               entity(a, parent->entity).type == "agency"sv &&
                                               entity(a, m.entity).type == "agency"sv &&
                                               parent->entity != m.entity) {
        // A comma alone may separate members of a list; trust it only when the parent is known
        // to be the parent, or the text is an address-like chain of units.
        const ArticleEntity& child = entity(a, m.entity);
        const ArticleEntity& up = entity(a, parent->entity);
        bool known = false;
        if (const std::size_t row = lex.agency_row(child.name); row != std::string::npos)
          known = lex.agencies[row].parent == up.name;
        const bool chain = comma && child.key.rfind("agency:", 0) != 0;
        if (of || known || chain) a.relate("subordinate-of", m.entity, parent->entity, "", s, of ? "unit-of" : "unit-comma");
      }
    }
  }
  // "X, a subsidiary of Y"; "BIS, part of the Commerce Department"
  for (std::size_t i = 0; i + 2 < t.size() && (s.classes & kUnitWord); ++i) {
    if (!(t[i].classes & kUnitWord)) continue;
    const std::string_view w = t[i].lower;
    const bool unit = w == "subsidiary"sv || w == "subsidiaries"sv || w == "affiliate"sv || w == "unit"sv;
    const bool part = w == "part"sv || w == "arm"sv || w == "division"sv || w == "branch"sv;
    if ((unit || part) && t[i + 1].lower == "of"sv) {
      Mention* parent = mention_at(s, i + 2);
      if (!parent && t[i + 2].lower == "the"sv) parent = mention_at(s, i + 3);
      Mention* child = nullptr;
      for (Mention& m : s.mentions)
        if (m.last <= i && named(m)) child = &m;
      // "part of" also says where a place lies; for organisations, only an apposition
      // ("X, part of Y") or a copula ("X is part of Y") is read.
      if (part && child) {
        std::size_t q = child->last;
        if (q < t.size() && (t[q].text == ","sv || t[q].lower == "is"sv)) ++q;
        if (q < t.size() && (t[q].lower == "a"sv || t[q].lower == "an"sv)) ++q;
        if (q != i || !is_org(a, *child)) child = nullptr;
      }
      if (parent && child && named(*parent) && parent->entity != child->entity && (unit || is_org(a, *parent)))
        a.relate("subordinate-of", child->entity, parent->entity, "", s, unit ? "subsidiary-of" : "part-of-org");
    }
    // "Korvane's parent, Telmar Holdings": the one named after "parent" owns the one before.
    if (w == "parent"sv && i >= 2 && t[i - 1].text == "'s"sv) {
      std::size_t q = i + 1;
      if (q < t.size() && (t[q].lower == "company"sv || t[q].lower == "firm"sv || t[q].lower == "group"sv)) ++q;
      if (q < t.size() && t[q].text == ","sv) ++q;
      Mention* parent = mention_at(s, q);
      Mention* child = nullptr;
      for (Mention& m : s.mentions)
        if (m.last == i - 1 && named(m)) child = &m;
      if (parent && child && named(*parent) && is_org(a, *child) && is_org(a, *parent) &&
          parent->entity != child->entity)
        a.relate("subordinate-of", child->entity, parent->entity, "", s, "parent-named");
    }
  }
}

void holds_office(Article& a, Sentence& s) {
  const LexiconData& lex = *a.lexicon;
  auto& t = s.tokens;
  for (std::size_t k = 0; k < s.mentions.size(); ++k) {
    Mention& title = s.mentions[k];
    if (title.role != Mention::Role::kTitle) continue;
    const TitleEntry& entry = lex.titles[title.title_row];
    if (entry.kind != "official"sv) continue;
    // The person: right after the title ("Treasury Secretary Steven Mnuchin"), after a comma
    // ("China's top trade envoy, Liu He"), or before it ("Li Shangfu, its director").
    Mention* person = nullptr;
    std::size_t role_end = title.last;
    // "Secretary of the XPSB": the body follows the title.
    long org = -1;
    std::size_t p = title.last;
    if (p < t.size() && (t[p].lower == "of"sv || t[p].lower == "for"sv)) {
      std::size_t q = p + 1;
      if (q < t.size() && t[q].lower == "the"sv) ++q;
      if (Mention* body = mention_at(s, q); body && body->entity >= 0 &&
                                             (is_org(a, *body) || is_region(a, *body))) {
        org = body->entity;
        role_end = body->last;
        p = body->last;
      }
    }
    for (Mention& m : s.mentions) {
      if (m.first == p || (m.first == p + 1 && p < t.size() && t[p].text == ","sv)) {
        if (m.role == Mention::Role::kName) person = &m;
        // "Foreign Minister Prince Faisal bin Farhan": an honorific between title and name.
        if (m.role == Mention::Role::kTitle && &m + 1 < s.mentions.data() + s.mentions.size() &&
            (&m + 1)->first == m.last && (&m + 1)->role == Mention::Role::kName)
          person = &m + 1;
        break;
      }
    }
    if (!person && title.first >= 2) {
      std::size_t back = title.first;
      while (back > 0 && (t[back - 1].lower == "the"sv || t[back - 1].lower == "its"sv ||
                          t[back - 1].lower == "a"sv || t[back - 1].lower == "an"sv ||
                          t[back - 1].lower == "his"sv || t[back - 1].lower == "her"sv ||
                          t[back - 1].lower == "former"sv || t[back - 1].lower == "current"sv))
        --back;
      if (back >= 1 && t[back - 1].text == ","sv)
        for (Mention& m : s.mentions)
          if (m.last == back - 1 && m.role == Mention::Role::kName) person = &m;
    }
    // "X is designated for her role ... as the spokesperson for the Foreign Ministry"
    if (!person && title.first >= 2 && t[title.first - 1].lower == "the"sv && t[title.first - 2].lower == "as"sv)
      for (Mention& m : s.mentions)
        if (m.first < title.first && m.role == Mention::Role::kName &&
            (m.type == "person"sv || m.type == "official"sv)) {
          person = &m;
          break;
        }
    if (!person) continue;
    const std::string& ptype = person->type;
    if (!(ptype.empty() || ptype == "person"sv || ptype == "official"sv)) continue;
    if (person->entity < 0) {
      person->type = "official";
      person->entity = a.entity_for(person->text, "official", "");
      a.entities[static_cast<std::size_t>(person->entity)].demonym_only = false;
      a.note_mention(person->entity, person->text, s);
    }
    a.entities[static_cast<std::size_t>(person->entity)].type = "official";
    // The body: named after the title, else a region right before it ("European Union
    // Commissioner", "China's top trade envoy"), else the body the title itself names.
    // "its director": the organisation just named.
    std::size_t owner = title.first;  // "its former party secretary"
    while (owner > 0 && (t[owner - 1].lower == "former"sv || t[owner - 1].lower == "current"sv ||
                         t[owner - 1].lower == "acting"sv || t[owner - 1].lower == "then"sv))
      --owner;
    if (org < 0 && owner > 0 && t[owner - 1].lower == "its"sv)
      for (const Mention& m : s.mentions)
        if (m.last < title.first && is_org(a, m) && !describes_other(a, s, m)) org = m.entity;
    // "Foreign Ministry spokesman Geng Shuang", "Treasury's OFAC Director X": the agency right
    // before the title. (Company posts are not offices.)
    std::size_t org_first = title.first;
    for (Mention& m : s.mentions)
      if (org < 0 && named(m) && entity(a, m.entity).type == "agency"sv &&
          (m.last == title.first || (m.last + 1 == title.first && t[m.last].text == "'s"sv))) {
        org = m.entity;
        org_first = m.first;
      }
    for (std::size_t back = title.first, steps = 0; org < 0 && back > 0 && steps < 5; --back, ++steps) {
      const Token& prev = t[back - 1];
      if ((!prev.word && prev.text != "'s"sv) || prev.lower == "said"sv || prev.lower == "says"sv ||
          is_verb_like(prev) || (prev.classes & (kTalksWord | kCondemnVerb)))
        break;
      Mention* before = nullptr;
      for (Mention& m : s.mentions)
        if (m.last == back || (m.last + 1 == back && t[m.last].text == "'s"sv)) before = &m;
      if (before && before->entity >= 0 && is_region(a, *before)) {
        org = make_region_used(a, *before, s);
        break;
      }
      if (t[back - 1].capitalised && !mention_at(s, back - 1)) break;
    }
    if (org < 0 && !entry.org.empty() && entry.org[0] != '@') {
      org = a.entity_for_entry("agency", entry.org, "agency");
      a.entities[static_cast<std::size_t>(org)].demonym_only = false;
    }
    // "President Lars Ekholm of Sweden"
    if (org < 0 && entry.org == "@country"sv && person->last + 1 < t.size() && t[person->last].lower == "of"sv) {
      std::size_t q = person->last + 1;
      if (t[q].lower == "the"sv) ++q;
      if (Mention* place = mention_at(s, q); place && is_region(a, *place)) org = make_region_used(a, *place, s);
    }
    // Else the last country named before the title. When it qualifies another title, it is
    // this one's too only if the titles are coordinated ("Russian President X and Foreign
    // Minister Y"), not for an apposition ("Russian Defense Minister X and Y, the chief of
    // the general staff").
    if (org < 0 && entry.org == "@country"sv) {
      const Mention* place = nullptr;
      bool shared = true;
      for (std::size_t j = 0; j < s.mentions.size() && s.mentions[j].first < title.first; ++j) {
        const Mention& m = s.mentions[j];
        if (!is_region(a, m)) continue;
        const Mention* next = j + 1 < s.mentions.size() ? &s.mentions[j + 1] : nullptr;
        place = &m;
        shared = !(next && next != &title && next->role == Mention::Role::kTitle &&
                   next->first <= m.last + 1) ||
                 (title.first > 0 && t[title.first - 1].lower == "and"sv);
      }
      if (place && shared) org = make_region_used(a, *place, s);
    }
    if (org < 0 || org == person->entity) continue;
    // The role as written, with the words that qualify it ("former", "top trade").
    // A verb before the title ("met", "hosted", "told") is not part of it.
    std::size_t role_begin = title.first;
    while (role_begin > 0 && role_begin + 3 > title.first && t[role_begin - 1].word &&
           !t[role_begin - 1].capitalised && !is_connector(t[role_begin - 1]) &&
           t[role_begin - 1].lower != "its"sv && t[role_begin - 1].lower != "his"sv &&
           t[role_begin - 1].lower != "her"sv && !is_verb_like(t[role_begin - 1]) &&
           (!t[role_begin - 1].lower.ends_with("ing"sv) || t[role_begin - 1].lower == "acting"sv) &&
           !(t[role_begin - 1].classes & (kTalksWord | kCondemnVerb)) &&
           t[role_begin - 1].lower != "says"sv && t[role_begin - 1].lower != "told"sv &&
           t[role_begin - 1].lower != "between"sv && t[role_begin - 1].lower != "among"sv &&
           !mention_at(s, role_begin - 1))
      --role_begin;
    role_begin = std::min(role_begin, org_first);
    const std::string_view text = a.record->text;
    std::string role(text.substr(t[role_begin].begin, t[role_end - 1].end - t[role_begin].begin));
    a.relate("holds-office", person->entity, org, "", s, "title-before-name", {{"role", role}});
  }
}

void located_in(Article& a, Sentence& s) {
  auto& t = s.tokens;
  for (const Mention& m : s.mentions)
    if (m.place >= 0 && m.entity >= 0) a.relate("located-in", m.entity, m.place, "", s, "place-in-name");
  for (std::size_t k = 0; k < s.mentions.size(); ++k) {
    Mention& r = s.mentions[k];
    if (!is_region(a, r)) continue;
    // "Russia's Main Intelligence Directorate"; "China's Xinjiang region"
    if (r.role == Mention::Role::kName && r.last < t.size() && t[r.last].text == "'s"sv) {
      for (std::size_t q = r.last + 1; q < std::min(t.size(), r.last + 5); ++q) {
        Mention* m = mention_at(s, q);
        if (m && named(*m)) {
          if (is_org(a, *m)) a.relate("located-in", m->entity, make_region_used(a, r, s), "", s, "possessive-place");
          else if (is_region(a, *m) && m->entity != r.entity)
            a.relate("part-of", m->entity, make_region_used(a, r, s), "", s, "possessive-place");
          break;
        }
        // "China's embassy in Washington": a preposition ends the phrase the possessive governs.
        if (t[q].capitalised || !t[q].word || is_connector(t[q])) break;
      }
    }
    // "Chinese firms A, B and C"; "the Chinese entity X"
    if (r.role == Mention::Role::kDemonym) {
      std::size_t q = r.last;
      while (q < t.size() && q < r.last + 3 && t[q].word && !t[q].capitalised && !is_org_noun(t[q])) ++q;
      if (q < t.size() && is_org_noun(t[q])) {
        for (std::size_t i = q + 1; i < t.size();) {
          Mention* m = mention_at(s, i);
          if (!m || m->role != Mention::Role::kName) break;
          if (m->entity < 0) promote_to_firm(a, s, *m);
          if (is_org(a, *m)) a.relate("located-in", m->entity, make_region_used(a, r, s), "", s, "demonym-org");
          i = m->last;
          if (i < t.size() && t[i].text == "("sv) while (i < t.size() && t[i].text != ")"sv) ++i;
          if (i < t.size() && t[i].text == ")"sv) ++i;
          if (i < t.size() && (t[i].text == ","sv || t[i].lower == "and"sv)) ++i;
          if (i < t.size() && t[i].lower == "and"sv) ++i;
        }
      }
    }
  }
  // Only sentences with a joined word or a place cue ("based", "under") can say where.
  if (s.classes & (kJoinedWord | kPlaceCue))
    for (std::size_t i = 0; i < t.size(); ++i) {
      // "Hangzhou-based X"
      if (const std::size_t suffix = place_suffix(t[i]); suffix != 0) {
        const std::string_view place = t[i].lower.substr(0, t[i].lower.size() - suffix);
        const auto* hits = a.lexicon->find(place);
        // "Hong Kong-based", "New Delhi-based": the place's first words are tokens of their own.
        std::size_t place_first = i;
        for (std::size_t before = 1; !hits && before <= 2 && before <= i; ++before) {
          if (!t[i - before].capitalised || t[i - before].end + 1 != t[i - before + 1].begin) break;
          std::string key;
          for (std::size_t x = i - before; x < i; ++x) (key += t[x].lower) += ' ';
          key += place;
          hits = a.lexicon->find(key);
          place_first = i - before;
        }
        if (!hits) continue;
        for (const PhraseHit& h : *hits) {
          if (h.kind != EntryKind::kRegion) continue;
          // The organisation: named right after ("Dalian-based X", "Moscow-based shipping firm
          // X"), or before, when the place describes it ("X, a Moscow-based freight forwarder").
          Mention* org = nullptr;
          for (Mention& m : s.mentions)
            if (m.first > i && m.role == Mention::Role::kName) {
              bool near = m.first <= i + 4;
              for (std::size_t q = i + 1; q < m.first && near; ++q) near = t[q].word && !t[q].capitalised;
              if (near) org = &m;
              break;
            }
          std::size_t q = place_first;
          if (!org && q >= 2 && (t[q - 1].lower == "a"sv || t[q - 1].lower == "an"sv || t[q - 1].lower == "the"sv) &&
              t[q - 2].text == ","sv)
            for (Mention& m : s.mentions)
              if (m.last == q - 2 && m.role == Mention::Role::kName) org = &m;
          if (!org) break;
          if (org->entity < 0) promote_to_firm(a, s, *org);
          const std::string& name = a.lexicon->regions[h.row].name;
          const long region = a.entity_for_entry("region", name, "region");
          a.entities[static_cast<std::size_t>(region)].demonym_only = false;
          a.note_mention(region, std::string_view(a.record->text).substr(t[place_first].begin, t[i].end - t[place_first].begin - suffix), s);
          if (is_org(a, *org)) a.relate("located-in", org->entity, region, "", s, "x-based");
          break;
        }
      }
      // "X (under Brazil)", "X, based in Y", "located in Y"
      const bool under = t[i].text == "("sv && i + 2 < t.size() && t[i + 1].lower == "under"sv;
      const bool based = (t[i].lower == "based"sv || t[i].lower == "located"sv || t[i].lower == "headquartered"sv ||
                          t[i].lower == "registered"sv) &&
                         i + 2 < t.size() && t[i + 1].lower == "in"sv;
      if (under || based) {
        Mention* place = mention_at(s, i + 2);
        Mention* org = nullptr;
        for (Mention& m : s.mentions)
          if (m.last <= i && m.last + 3 >= i &&
              (is_org(a, m) || (m.role == Mention::Role::kName && m.entity < 0)))
            org = &m;
        if (place && is_region(a, *place) && org) {
          // "A and B, both based in Y": every member of the group before "both".
          std::vector<Mention*> orgs{org};
          if (i >= 2 && (t[i - 1].lower == "both"sv || t[i - 1].lower == "all"sv) && t[i - 2].text == ","sv)
            for (std::size_t k = s.mentions.size(); k > 0; --k) {
              Mention& m = s.mentions[k - 1];
              if (m.last >= orgs.back()->first || m.role != Mention::Role::kName) continue;
              bool joined = true;
              for (std::size_t q = m.last; q < orgs.back()->first && joined; ++q)
                joined = t[q].lower == "and"sv || t[q].text == ","sv;
              if (!joined) break;
              orgs.push_back(&m);
            }
          for (Mention* o : orgs) {
            if (o->entity < 0) promote_to_firm(a, s, *o);
            if (is_org(a, *o)) a.relate("located-in", o->entity, make_region_used(a, *place, s), "", s, under ? "under-place" : "based-in");
          }
        }
      }
    }
  // "X is a ... Russian investment company"; "X, Russia's main arms export entity"; "X, a firm
  // in Dubai"; "Xinjiang, in northwest China"
  for (std::size_t k = 0; k < s.mentions.size(); ++k) {
    Mention& m = s.mentions[k];
    if (m.role != Mention::Role::kName) continue;
    std::size_t q = m.last;
    const bool copula = q + 1 < t.size() && (t[q].lower == "is"sv || t[q].lower == "was"sv) &&
                        (t[q + 1].lower == "a"sv || t[q + 1].lower == "an"sv);
    const bool appos = q + 1 < t.size() && t[q].text == ","sv;
    // "Nordwind Handels GmbH of Hamburg": a firm's name, then its place.
    if (q + 1 < t.size() && t[q].lower == "of"sv && m.entity >= 0 && entity(a, m.entity).type == "firm"sv)
      if (Mention* place = mention_at(s, q + 1); place && is_region(a, *place))
        a.relate("located-in", m.entity, make_region_used(a, *place, s), "", s, "firm-of-place");
    if (!copula && !appos) continue;
    if (appos && q + 2 < t.size()) {
      std::size_t p = q + 1;
      const bool noun = (t[p].lower == "a"sv || t[p].lower == "an"sv) && is_org_noun(t[p + 1]);
      if (noun) p += 2;
      if (p < t.size() && (t[p].lower == "in"sv || (noun && t[p].lower == "from"sv))) {
        ++p;
        // "in northwest China": a word of direction may stand before the place.
        if (p < t.size() && t[p].word && !t[p].capitalised && !is_connector(t[p]) &&
            (t[p].lower.ends_with("east"sv) || t[p].lower.ends_with("west"sv) ||
             t[p].lower.ends_with("ern"sv) || t[p].lower == "central"sv))
          ++p;
        Mention* place = mention_at(s, p);
        const bool last_of_phrase = place && (place->last >= t.size() || !t[place->last].word ||
                                              t[place->last].lower == "and"sv);
        if (place && is_region(a, *place) && last_of_phrase && place->entity != m.entity) {
          if (noun && m.entity < 0) promote_to_firm(a, s, m);
          if (noun && is_org(a, m))
            a.relate("located-in", m.entity, make_region_used(a, *place, s), "", s, "described-as");
          else if (!noun && is_region(a, m))
            a.relate("part-of", m.entity, make_region_used(a, *place, s), "", s, "region-in");
          continue;
        }
      }
    }
    q += copula ? 2 : 1;
    for (std::size_t end = std::min(t.size(), q + 9); q < end; ++q) {
      if (t[q].text == ","sv || t[q].text == "."sv || t[q].lower == "and"sv || t[q].lower == "which"sv) break;
      Mention* r = mention_at(s, q);
      if (!r || !is_region(a, *r)) continue;
      // The description must end in an organisation noun to say where the organisation is.
      bool org_noun = false;
      for (std::size_t z = r->last; z < std::min(t.size(), r->last + 6); ++z) {
        if (t[z].text == ","sv || t[z].lower == "with"sv) break;
        if (is_org_noun(t[z])) org_noun = true;
      }
      if (!org_noun) break;
      if (m.entity < 0) promote_to_firm(a, s, m);
      if (is_org(a, m)) a.relate("located-in", m.entity, make_region_used(a, *r, s), "", s, "described-as");
      break;
    }
  }
}

void maintains(Article& a) {
  const LexiconData& lex = *a.lexicon;
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    const ArticleEntity& list = a.entities[i];
    if (list.type != "list"sv || list.key.rfind("list:", 0) != 0) continue;
    std::string keeper;
    for (const ListEntry& l : lex.lists)
      if (l.name == list.name) keeper = l.maintainer;
    // The maintainer, or failing that its parent department, when the article names either.
    bool found = false;
    for (int depth = 0; depth < 2 && !keeper.empty() && !found; ++depth) {
      const std::string keeper_key = "agency:" + keeper;
      for (std::size_t j = 0; j < a.entities.size() && !found; ++j)
        if (a.entities[j].key == keeper_key && !a.entities[j].evidence.empty()) {
          // Evidence: the first sentence that names the list.
          const Sentence* where = &a.sentences.front();
          for (const Sentence& s : a.sentences) {
            const bool names = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
              return m.entity == static_cast<long>(i);
            });
            if (names) {
              where = &s;
              break;
            }
          }
          a.relate("maintains", static_cast<long>(j), static_cast<long>(i), "", *where,
                   "known-maintainer");
          found = true;
        }
      const std::size_t row = lex.agency_row(keeper);
      keeper = row == std::string::npos ? "" : lex.agencies[row].parent;
    }
  }
}

}  // namespace

// "Secretary of the Treasury": the department is part of the story even when only its officer is
// named; its own name inside the title ("Treasury") is one of its names.
void bodies_of_titles(Article& a, Sentence& s) {
  const LexiconData& lex = *a.lexicon;
  const auto& t = s.tokens;
  for (const Mention& title : s.mentions) {
    if (title.role != Mention::Role::kTitle) continue;
    const TitleEntry& entry = lex.titles[title.title_row];
    if (entry.kind != "official"sv || entry.org.empty() || entry.org[0] == '@') continue;
    long org = -1;
    bool named = false;
    for (std::size_t i = title.first; i < title.last && !named; ++i)
      for (std::size_t j = title.last; j > i && !named; --j) {
        if (!t[i].capitalised) break;
        std::string key;
        for (std::size_t x = i; x < j; ++x) {
          if (x > i) key += ' ';
          key += t[x].lower;
        }
        const auto* hits = lex.find(key);
        if (!hits) continue;
        for (const PhraseHit& h : *hits)
          if ((h.kind == EntryKind::kAgency || h.kind == EntryKind::kAgencyMetonym) &&
              lex.agencies[h.row].name == entry.org) {
            org = a.entity_for_entry("agency", entry.org, "agency");
            a.entities[static_cast<std::size_t>(org)].demonym_only = false;
            a.note_mention(org, std::string_view(a.record->text).substr(t[i].begin, t[j - 1].end - t[i].begin), s);
            named = true;
            break;
          }
      }
  }
}

void find_structure(Article& a) {
  for (Sentence& s : a.sentences) {
    bodies_of_titles(a, s);
    subordinate(a, s);
    holds_office(a, s);
    located_in(a, s);
  }
  if (!a.sentences.empty()) maintains(a);
}

}  // namespace factgraph::ingest
