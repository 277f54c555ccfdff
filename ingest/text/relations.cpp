// The relation rules, one function per relation family, over the mentions of a sentence.

#include <algorithm>
#include <array>
#include <optional>

#include "graph/names.hpp"
#include "ingest/text/analysis.hpp"
#include "ingest/text/words.hpp"

namespace factgraph::ingest {

using namespace std::string_view_literals;
namespace {

// Whether `lower` is a word of `word_class` (the trigger words live in words.cpp).
bool is(const Token& t, WordClass word_class) { return t.classes & word_class; }

bool actor_type(std::string_view type) {
  return type == "firm"sv || type == "agency"sv || type == "person"sv || type == "official"sv ||
         type.empty();
}

bool is_name(const Mention& m) {
  return m.role == Mention::Role::kName || (m.role == Mention::Role::kReference && m.entity >= 0);
}

std::string first_date(const Sentence& s) {
  for (const DateMention& d : s.dates)
    if (!d.iso.empty()) return d.iso;
  return "";
}

std::optional<std::size_t> find_token(const Sentence& s, std::size_t from, std::size_t to,
                                      auto&& pred) {
  for (std::size_t i = from; i < std::min(to, s.tokens.size()); ++i)
    if (pred(s.tokens[i])) return i;
  return std::nullopt;
}

// "is being designated", "has imposed", "designates": an action announced as happening now, which
// takes the publication date when the sentence gives none.
bool announced_now(const Sentence& s, std::size_t trigger) {
  const std::string_view w = s.tokens[trigger].lower;
  if (w == "designates"sv || w == "adds"sv || w == "sanctions"sv || w == "imposes"sv) return true;
  for (std::size_t back = 1; back <= 4 && back <= trigger; ++back) {
    const std::string_view b = s.tokens[trigger - back].lower;
    if (b == "previously"sv || b == "already"sv || b == "will"sv || b == "would"sv || b == "was"sv ||
        b == "were"sv || b == "had"sv)
      return false;
    if (b == "is"sv || b == "are"sv || b == "has"sv || b == "have"sv) return true;
  }
  return false;
}

bool passive_at(const Sentence& s, std::size_t trigger) {
  // "OFAC is sanctioning five companies": a progressive, not a passive.
  if (s.tokens[trigger].lower.ends_with("ing"sv)) return false;
  for (std::size_t back = 1; back <= 3 && back <= trigger; ++back) {
    const std::string_view w = s.tokens[trigger - back].lower;
    if (w == "is"sv || w == "are"sv || w == "was"sv || w == "were"sv || w == "be"sv || w == "been"sv ||
        w == "being"sv)
      return true;
    if (w != "also"sv && w != "being"sv && w != "newly"sv && w != "previously"sv && w != "now"sv) break;
  }
  // "Also designated today is X": the participle opens the sentence.
  if (trigger == 0) return true;
  const std::string_view first = s.tokens[0].lower;
  return trigger == 1 && (first == "also"sv || first == "newly"sv || first == "separately"sv ||
                          first == "additionally"sv || first == "similarly"sv);
}

struct Rules {
  Article& a;
  const LexiconData& lex;
  long doc_list = -1;        // the article's named list, for "blacklist" and "the list"
  long issuing_agency = -1;  // the first agency named: the voice of "we" and of passives
  struct Action {
    std::string type;
    long list = -1;
    long agent = -1;
    std::string date;
  } last;
  std::vector<long> last_targets;  // whom the latest listing or sanction fell on
  bool items_follow = false;  // the latest action ended in a colon and named no one: a list follows
  const Sentence* previous = nullptr;  // the sentence read before this one

  // A sentence's own date, or for one that points back ("That final rule amended ...", "This
  // action ...") the last date of the sentence before it.
  std::string own_or_pointed_date(const Sentence& s) const {
    std::string date = first_date(s);
    if (!date.empty() || previous == nullptr || s.tokens.empty()) return date;
    const std::string_view w = s.tokens[0].lower;
    if (w != "that"sv && w != "this"sv && w != "these"sv) return date;
    for (const DateMention& d : previous->dates)
      if (!d.iso.empty()) date = d.iso;
    return date;
  }

  // "added both men to the list", "sanctioned them": a plural pronoun or "the two" right after
  // the verb stands for the latest action's targets.
  bool plural_anaphor(const Sentence& s, std::size_t from) const {
    for (std::size_t i = from; i < std::min(s.tokens.size(), from + 3); ++i) {
      const std::string_view w = s.tokens[i].lower;
      if (w == "them"sv || w == "both"sv) return true;
      if ((w == "the"sv || w == "these"sv || w == "those"sv || w == "all"sv) && i + 1 < s.tokens.size()) {
        const std::string_view n = s.tokens[i + 1].lower;
        if (n == "two"sv || n == "three"sv || n == "four"sv || n == "five"sv || n == "six"sv) return true;
      }
      if (!s.tokens[i].word || s.tokens[i].capitalised) return false;
    }
    return false;
  }

  long entity_of(Sentence& s, Mention& m) {
    if (m.entity >= 0) return m.entity;
    if (is_name(m) && actor_type(m.type)) return promote_to_firm(a, s, m);
    return -1;
  }

  // The agency a title names ("Secretary of State" -> U.S. Department of State), created as an
  // implicit entity when the article never names it.
  long title_org(const Mention& m) {
    if (m.role != Mention::Role::kTitle || m.title_row >= lex.titles.size()) return -1;
    const TitleEntry& title = lex.titles[m.title_row];
    if (title.org.empty() || title.org[0] == '@') return -1;
    const long e = a.entity_for_entry("agency", title.org, "agency");
    a.entities[static_cast<std::size_t>(e)].demonym_only = false;
    return e;
  }

  // The acting party among the mentions before `limit`: the last agency, region or official
  // (so "Treasury's OFAC" gives OFAC).
  long agent_before(Sentence& s, std::size_t limit) {
    long agent = -1;
    for (Mention& m : s.mentions) {
      if (m.first >= limit) break;
      // "..., in consultation with the Secretary of the Treasury, ...": a partner, not the actor.
      bool aside = false;
      for (std::size_t b = m.first; b > 0 && b + 3 > m.first; --b)
        if (s.tokens[b - 1].lower == "with"sv) aside = true;
      if (aside) continue;
      if (m.role == Mention::Role::kTitle) {
        if (long e = title_org(m); e >= 0) agent = e;
        continue;
      }
      // "the U.S. decision to add", "the Chinese government placed": a country by its adjective.
      if (m.role == Mention::Role::kDemonym && m.entity >= 0 && m.last < s.tokens.size()) {
        const std::string_view next = s.tokens[m.last].lower;
        if (next == "decision"sv || next == "move"sv || next == "plan"sv || next == "order"sv ||
            next == "government"sv || next == "administration"sv || next == "authorities"sv)
          agent = m.entity;
        continue;
      }
      if (m.role != Mention::Role::kName || m.entity < 0) continue;
      const std::string& t = a.entities[static_cast<std::size_t>(m.entity)].type;
      if (t == "agency"sv || t == "region"sv || t == "official"sv) agent = m.entity;
    }
    return agent;
  }

  // Named actors in [from, to), skipping whatever follows a word that ends an object list.
  std::vector<Mention*> objects(Sentence& s, std::size_t from, std::size_t to, long exclude) {
    std::vector<Mention*> out;
    std::size_t stop = to;
    if (auto cut = find_token(s, from, to, [](const Token& t) { return ends_object_list(t); }))
      stop = *cut;
    for (Mention& m : s.mentions) {
      if (m.first < from || m.first >= stop || m.role != Mention::Role::kName || !actor_type(m.type))
        continue;
      // A possessor ("Trump's negotiators") is not itself an object.
      if (m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv) continue;
      if (m.entity >= 0 && m.entity == exclude) continue;
      if (describes_other(a, s, m) || qualifies_title(s, m)) continue;
      const std::string_view head = s.tokens[m.last - 1].lower;
      if (m.entity < 0 && (head == "list"sv || head == "listing"sv || head == "listings"sv ||
                           head == "entry"sv || head == "entries"sv))
        continue;
      if (m.entity < 0 && m.type.empty() && m.last - m.first == 1 && !s.tokens[m.first].all_caps &&
          !lex.given_names.count(s.tokens[m.first].text) && s.tokens[m.first].text.size() < 4)
        continue;
      out.push_back(&m);
    }
    return out;
  }

  // The subject of a passive verb: the first named actor and the ones coordinated with it
  // ("X and Y were added"), not the names inside an apposition ("X, the head of Z, is ...").
  std::vector<Mention*> passive_subjects(Sentence& s, std::size_t trigger) {
    std::vector<Mention*> all = objects(s, 0, trigger, -1);
    std::vector<Mention*> out;
    for (Mention* m : all) {
      if (!out.empty()) {
        bool coordinated = true;
        for (std::size_t i = out.back()->last; i < m->first && coordinated; ++i) {
          const std::string_view w = s.tokens[i].lower;
          coordinated = w == ","sv || w == "and"sv || w == "as"sv || w == "well"sv || w == "("sv ||
                        w == ")"sv || s.tokens[i].all_caps || is_company_form(s.tokens[i].text) ||
                        w == "."sv || place_suffix(s.tokens[i]) != 0;
        }
        if (!coordinated) break;
      }
      out.push_back(m);
    }
    return out;
  }

  // "alongside X", "along with X", "together with X" after the verb: more of its objects.
  void add_companions(Sentence& s, std::size_t trigger, long exclude, std::vector<Mention*>& targets) {
    if (!(s.classes & kCompanionWord)) return;
    const auto along = find_token(s, trigger + 1, s.tokens.size(), [](const Token& t) {
      return (t.classes & kCompanionWord) != 0;
    });
    if (!along) return;
    std::size_t from = *along + 1;
    if (s.tokens[*along].lower != "alongside"sv) {
      if (from >= s.tokens.size() || s.tokens[from].lower != "with"sv) return;
      ++from;
    }
    for (Mention* m : objects(s, from, s.tokens.size(), exclude))
      if (std::find(targets.begin(), targets.end(), m) == targets.end()) targets.push_back(m);
  }

  long list_in(Sentence& s, std::size_t from, std::size_t to) {
    for (Mention& m : s.mentions)
      if (m.first >= from && m.first < to && m.type == "list"sv && m.entity >= 0) return m.entity;
    for (std::size_t i = from; i < std::min(to, s.tokens.size()); ++i)
      if (is(s.tokens[i], kGenericListWord) && doc_list >= 0) return doc_list;
    return -1;
  }

  void listing(Sentence& s, std::size_t trigger, const std::string& relation) {
    long list = list_in(s, 0, s.tokens.size());
    // "X is listed as ...": the article's list is understood.
    if (list < 0 && s.tokens[trigger].lower == "listed"sv) list = doc_list;
    if (list < 0) return;
    const bool passive = passive_at(s, trigger);
    const long agent = passive ? -1 : agent_before(s, trigger);
    std::vector<Mention*> targets;
    if (passive) {
      targets = passive_subjects(s, trigger);
      auto after = objects(s, trigger + 1, s.tokens.size(), agent);
      if (targets.empty()) targets = after;
    } else {
      targets = objects(s, trigger + 1, s.tokens.size(), agent);
    }
    // "alongside X, which was added in May": more members after the list.
    add_companions(s, trigger, agent, targets);
    // A date right after a member ("X, which was added in May") is that member's own; the
    // others take the sentence's remaining date, or the date of the action being continued.
    std::vector<std::string> own(targets.size());
    std::vector<bool> claimed(s.dates.size(), false);
    for (std::size_t k = 0; k < targets.size(); ++k) {
      const std::size_t end = s.tokens[targets[k]->last - 1].end - s.span.begin;
      for (std::size_t d = 0; d < s.dates.size(); ++d) {
        const std::size_t gap = s.dates[d].begin > end ? s.dates[d].begin - end : 0;
        const std::string_view between =
            gap ? a.text_of(s).substr(end, gap) : std::string_view();
        if (!s.dates[d].iso.empty() && gap > 0 && gap < 40 &&
            (between.find("which") != std::string_view::npos || between.find("who") != std::string_view::npos)) {
          own[k] = s.dates[d].iso;
          claimed[d] = true;
        }
      }
    }
    std::string date;
    for (std::size_t d = 0; d < s.dates.size() && date.empty(); ++d)
      if (!claimed[d]) date = s.dates[d].iso;
    if (date.empty() && last.type == relation && last.list == list) date = last.date;
    if (date.empty() && announced_now(s, trigger) && is_iso_date(a.record->info.date))
      date = a.record->info.date;
    Attributes attrs;
    if (agent >= 0) attrs["agent"] = a.entities[static_cast<std::size_t>(agent)].name;
    std::vector<long> done;
    for (std::size_t k = 0; k < targets.size(); ++k) {
      const long e = entity_of(s, *targets[k]);
      if (e < 0 || e == list) continue;
      a.relate(relation, e, list, own[k].empty() ? date : own[k], s,
               relation == "added-to-list"sv ? "listing" : "delisting", attrs);
      done.push_back(e);
    }
    // "adding 38 of its affiliates to the Entity List", "46 additional Huawei affiliates that
    // require inclusion on the Entity List": the firm is listed through its affiliates.
    if (targets.empty() && !passive && (s.classes & kUnitWord)) {
      long owner = -1;
      for (std::size_t i = trigger + 1; i + 1 < s.tokens.size() && i < trigger + 6; ++i)
        if (s.tokens[i].lower == "its"sv && (s.tokens[i + 1].classes & kUnitWord)) {
          for (Mention& m : s.mentions)
            if (m.last <= trigger && is_name(m) && m.entity >= 0 &&
                a.entities[static_cast<std::size_t>(m.entity)].type == "firm"sv)
              owner = m.entity;
          break;
        }
      if (owner < 0)
        for (Mention& m : s.mentions)
          if (m.last < s.tokens.size() && (s.tokens[m.last].classes & kUnitWord) &&
              s.tokens[m.last].lower.ends_with("s"sv) && is_name(m) && m.entity >= 0 &&
              a.entities[static_cast<std::size_t>(m.entity)].type == "firm"sv) {
            owner = m.entity;
            break;
          }
      if (owner >= 0 && owner != list) {
        a.relate(relation, owner, list, date, s, relation == "added-to-list"sv ? "listing-affiliates" : "delisting-affiliates", attrs);
        done.push_back(owner);
      }
    }
    if (targets.empty() && !passive && plural_anaphor(s, trigger + 1))
      for (long e : last_targets)
        if (e != list) {
          a.relate(relation, e, list, date, s, relation == "added-to-list"sv ? "listing-them" : "delisting-them", attrs);
          done.push_back(e);
        }
    items_follow = done.empty() && s.tokens.back().text == ":"sv;
    if (!done.empty()) last_targets = std::move(done);
    last = {relation, list, agent, date};
  }

  void sanction(Sentence& s, std::size_t trigger) {
    const bool passive = passive_at(s, trigger);
    std::vector<long> agents;
    if (!passive) {
      // Coordinated subjects: "The EU, UK, Japan ... have designated X"; only the countries
      // joined to the last one before the verb ("China demanded that the United States lift
      // sanctions" has one).
      const Mention* joined = nullptr;
      for (Mention& m : s.mentions) {
        if (m.first >= trigger) break;
        if (m.role != Mention::Role::kName || m.entity < 0 ||
            a.entities[static_cast<std::size_t>(m.entity)].type != "region"sv ||
            m.last >= s.tokens.size() || s.tokens[m.last].text == "'s"sv)
          continue;
        bool coordinated = joined != nullptr;
        for (std::size_t i = joined ? joined->last : 0; coordinated && i < m.first; ++i) {
          const std::string_view w = s.tokens[i].lower;
          coordinated = w == ","sv || w == "and"sv || w == "the"sv || w == "as"sv || w == "well"sv;
        }
        if (!coordinated) agents.clear();
        agents.push_back(m.entity);
        joined = &m;
      }
      const long specific = agent_before(s, trigger);
      if (specific >= 0 && a.entities[static_cast<std::size_t>(specific)].type != "region"sv)
        agents = {specific};
      if (agents.empty() && specific >= 0) agents = {specific};
    }
    const bool named_agent = !agents.empty();
    if (agents.empty()) {
      const long fallback = last.type == "sanctions"sv && last.agent >= 0 ? last.agent : issuing_agency;
      if (fallback >= 0) agents = {fallback};
    }
    if (agents.empty()) return;
    std::size_t from = trigger + 1;
    // "imposed sanctions pursuant to section 231 on X": the targets follow "on"/"against".
    if (s.tokens[trigger].lower == "sanctions"sv || s.tokens[trigger].lower == "sanction"sv)
      if (auto on = find_token(s, trigger + 1, s.tokens.size(), [](const Token& t) {
            return t.lower == "on"sv || t.lower == "against"sv;
          }))
        from = *on + 1;
    std::vector<Mention*> targets = passive ? passive_subjects(s, trigger)
                                            : objects(s, from, s.tokens.size(), agents.front());
    // "sanctions against Russia": a country as the target, named right after the preposition
    // (not "sanctions on Russia's central bank").
    if (from > trigger + 1)
      for (Mention& m : s.mentions)
        if (m.first == from || (m.first == from + 1 && s.tokens[from].lower == "the"sv)) {
          if (m.role == Mention::Role::kName && m.entity >= 0 &&
              a.entities[static_cast<std::size_t>(m.entity)].type == "region"sv &&
              !(m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv))
            targets.insert(targets.begin(), &m);
          break;
        }
    if (passive && targets.empty()) targets = objects(s, trigger + 1, s.tokens.size(), agents.front());
    add_companions(s, trigger, agents.front(), targets);
    std::string date = first_date(s);
    // "will designate X next week": a future action takes no earlier action's date.
    bool future = false;
    for (std::size_t b = trigger; b > 0 && b + 4 > trigger; --b) {
      const std::string_view w = s.tokens[b - 1].lower;
      if (w == "will"sv || w == "would"sv || w == "plans"sv || w == "intends"sv || w == "could"sv) future = true;
    }
    if (date.empty() && last.type == "sanctions"sv && !future) date = last.date;
    if (date.empty() && announced_now(s, trigger) && is_iso_date(a.record->info.date))
      date = a.record->info.date;
    bool any = false;
    std::vector<long> done;
    for (Mention* m : targets) {
      const long e = entity_of(s, *m);
      if (e < 0) continue;
      for (long agent : agents)
        if (agent != e) {
          a.relate("sanctions", agent, e, date, s, "sanction");
          any = true;
        }
      done.push_back(e);
    }
    if (targets.empty() && !passive && plural_anaphor(s, from))
      for (long e : last_targets)
        for (long agent : agents)
          if (agent != e) {
            a.relate("sanctions", agent, e, date, s, "sanction-them");
            any = true;
            done.push_back(e);
          }
    // "have previously designated X" recalls an older action; it is not the one being reported.
    bool retrospective = false;
    for (std::size_t b = trigger; b > 0 && b + 4 > trigger; --b) {
      const std::string_view w = s.tokens[b - 1].lower;
      if (w == "previously"sv || w == "already"sv || w == "earlier"sv || w == "had"sv) retrospective = true;
    }
    // "The following entities are being designated:": this action's targets come as the items
    // below, so it becomes the latest action even without a named actor.
    const bool header = done.empty() && s.tokens.back().text == ":"sv && !retrospective;
    items_follow = header;
    if (!done.empty()) last_targets = std::move(done);
    // An action stated without targets ("OFAC designated five entities") still opens a
    // continuation ("Targets include ..."); a bare noun ("the designations take effect") does not.
    if ((any || (!passive && named_agent) || header) && !retrospective)
      last = {"sanctions", -1, agents.front(), !date.empty() || last.type != "sanctions"sv ? date : last.date};
  }

  // "X is (already) under U.S. sanctions": the named party before "under".
  void under_sanctions(Sentence& s, std::size_t under, long agent) {
    for (std::size_t k = s.mentions.size(); k > 0; --k) {
      Mention& m = s.mentions[k - 1];
      if (m.last > under) continue;
      if (m.last + 6 < under) break;
      if (m.role != Mention::Role::kName || !actor_type(m.type)) continue;
      if (m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv) continue;
      const long e = entity_of(s, m);
      if (e >= 0 && e != agent) a.relate("sanctions", agent, e, "", s, "under-sanctions");
      return;
    }
  }

  // "Targets of the action ... include A, B and C"; "These designations include X".
  bool continuation(Sentence& s) {
    if (last.type.empty()) return false;
    auto verb = find_token(s, 0, s.tokens.size(), [](const Token& t) {
      return t.lower == "include"sv || t.lower == "includes"sv || t.lower == "including"sv;
    });
    if (!verb || *verb > 12 || (*verb > 0 && s.tokens[*verb - 1].lower == "to"sv)) return false;
    const bool refers = find_token(s, 0, *verb, [](const Token& t) {
                          return t.lower == "targets"sv || t.lower == "designations"sv ||
                                 t.lower == "additions"sv || t.lower == "action"sv ||
                                 t.lower == "entities"sv;
                        }).has_value();
    if (!refers) return false;
    std::string date = first_date(s);
    if (date.empty()) date = last.date;
    for (Mention* m : objects(s, *verb + 1, s.tokens.size(), last.agent)) {
      const long e = entity_of(s, *m);
      if (e < 0) continue;
      if (last.type == "sanctions"sv)
        a.relate("sanctions", last.agent, e, date, s, "sanction-continued");
      else
        a.relate(last.type, e, last.list, date, s, "listing-continued");
    }
    last.date = date;
    return true;
  }

  // A name right before a title mention ("European Commission President"): part of the title.
  static bool qualifies_title(const Sentence& s, const Mention& m) {
    const auto next = static_cast<std::size_t>(&m - s.mentions.data()) + 1;
    return next < s.mentions.size() && s.mentions[next].role == Mention::Role::kTitle &&
           s.mentions[next].first == m.last;
  }

  // "Vice Premier Liu He of China": the place says where the person before it is from.
  bool of_place(const Sentence& s, const Mention& m) const {
    if (m.entity < 0 || a.entities[static_cast<std::size_t>(m.entity)].type != "region"sv) return false;
    std::size_t p = m.first;
    if (p >= 1 && s.tokens[p - 1].lower == "the"sv) --p;
    if (p < 2 || s.tokens[p - 1].lower != "of"sv) return false;
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& x) {
      return x.last == p - 1 && (x.type == "person"sv || x.type == "official"sv);
    });
  }

  bool party_type(long e) const {
    const std::string& t = a.entities[static_cast<std::size_t>(e)].type;
    return t == "person"sv || t == "official"sv || t == "region"sv || t == "agency"sv;
  }

  // The coordinated parties ending right before token `end` ("Lighthizer and Mnuchin held",
  // "Trump and European Commission President Juncker met"), allowing two lower-case words
  // ("also", "had") between them and `end`. Empty when no party ends there.
  std::vector<long> parties_before(Sentence& s, std::size_t end) {
    std::vector<long> out;
    // "Josep Borrell, the EU's foreign policy chief, held talks": the apposition is passed over.
    if (end >= 3 && s.tokens[end - 1].text == ","sv)
      for (std::size_t c = end - 1; c > 0 && c + 12 > end; --c)
        if (s.tokens[c - 1].text == ","sv) {
          if (std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
                return m.last == c - 1 && is_name(m) && (m.type == "person"sv || m.type == "official"sv);
              }))
            end = c - 1;
          break;
        }
    for (std::size_t words = 0; words < 2 && end > 0; ++words) {
      const Token& w = s.tokens[end - 1];
      if (!w.word || w.capitalised || is_connector(w)) break;
      if (std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) { return m.last == end; }))
        break;
      --end;
    }
    std::size_t expect = end;  // where the next party to the left must end
    for (std::size_t k = s.mentions.size(); k > 0; --k) {
      Mention& m = s.mentions[k - 1];
      if (m.first >= expect) continue;
      const bool possessive = m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv;
      if (out.empty() && m.last == expect && of_place(s, m)) {
        expect = m.first - 1;  // "Lars Ekholm of Sweden met": the person met
        if (s.tokens[expect].lower == "the"sv) --expect;
        continue;
      }
      if (m.role == Mention::Role::kTitle || m.role == Mention::Role::kDemonym ||
          (m.last + (possessive ? 1 : 0) == expect && (possessive || qualifies_title(s, m)))) {
        if (m.last + (possessive ? 1 : 0) != expect) break;
        expect = m.first;
        continue;
      }
      bool joined = out.empty() ? m.last == expect : m.last < expect;
      for (std::size_t i = m.last; i < expect && joined; ++i) {
        const std::string_view w = s.tokens[i].lower;
        joined = w == "and"sv || w == ","sv || w == "the"sv;
      }
      if (!joined) break;
      if (!is_name(m) || m.entity < 0 || !party_type(m.entity)) break;
      out.push_back(m.entity);
      expect = m.first;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // Parties named right after `from`, as one coordinated group ("A, B and C").
  std::vector<long> parties(Sentence& s, std::size_t from, bool countries) {
    std::vector<long> out;
    std::size_t expect = from;
    for (Mention& m : s.mentions) {
      if (m.first < from) continue;
      if (m.first > expect + 3) break;
      expect = m.last;
      // Titles, demonyms and the bodies inside a title ("European Commission President X")
      // qualify the party that follows.
      if (m.role == Mention::Role::kTitle || m.role == Mention::Role::kDemonym || qualifies_title(s, m))
        continue;
      if (!is_name(m) || m.entity < 0) break;
      if (m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv) continue;
      if (of_place(s, m)) continue;
      const std::string& t = a.entities[static_cast<std::size_t>(m.entity)].type;
      const bool fits = countries ? t == "region"sv : (t == "person"sv || t == "official"sv || t == "region"sv || t == "agency"sv);
      if (fits) out.push_back(m.entity);
      if (m.last < s.tokens.size() && (ends_object_list(s.tokens[m.last]) || s.tokens[m.last].lower == "to"sv))
        break;
    }
    return out;
  }

  void talks(Sentence& s) {
    const std::string date = first_date(s);
    std::vector<std::size_t> triggers;
    for (std::size_t i = 0; i < s.tokens.size(); ++i)
      if (is(s.tokens[i], kTalksWord)) triggers.push_back(i);
    if (triggers.empty()) return;
    bool found = false;
    // "talks between A and B", "the meeting today of A and B": the last party faces the others.
    for (std::size_t i = triggers.front(); i < s.tokens.size(); ++i) {
      const std::string_view w = s.tokens[i].lower;
      if (w != "between"sv && !(w == "of"sv && i > 0 && is(s.tokens[i - 1], kTalksWord)) &&
          !(w == "of"sv && i > 1 && is(s.tokens[i - 2], kTalksWord)))
        continue;
      std::vector<long> people;
      for (Mention& m : s.mentions) {
        if (m.first <= i || !is_name(m) || m.entity < 0) continue;
        if (m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv) continue;
        const std::string& t = a.entities[static_cast<std::size_t>(m.entity)].type;
        if (t == "person"sv || t == "official"sv) people.push_back(m.entity);
      }
      std::vector<long> countries = parties(s, i + 1, true);
      if (people.size() >= 2) {
        for (std::size_t k = 0; k + 1 < people.size(); ++k)
          a.relate("negotiates-with", people[k], people.back(), date, s, "talks-between");
        found = true;
      } else if (countries.size() >= 2) {
        a.relate("negotiates-with", countries[0], countries[1], date, s, "talks-between");
        found = true;
      }
      break;
    }
    // "United States–China talks": two countries joined by a dash or "and" before the noun.
    for (std::size_t k = 0; !found && k + 1 < s.mentions.size(); ++k) {
      Mention& x = s.mentions[k];
      Mention& y = s.mentions[k + 1];
      if (x.entity < 0 || y.entity < 0 || x.entity == y.entity || y.first != x.last + 1) continue;
      const std::string_view joint = s.tokens[x.last].text;
      if ((joint == "-"sv || joint == "/"sv) &&
          a.entities[static_cast<std::size_t>(x.entity)].type == "region"sv &&
          a.entities[static_cast<std::size_t>(y.entity)].type == "region"sv) {
        a.relate("negotiates-with", x.entity, y.entity, date, s, "country-pair");
        found = true;
      }
    }
    // Meetings, and the hosts who receive guests for talks.
    if (s.classes & kHostVerb) {
      for (std::size_t i = 0; i < s.tokens.size(); ++i)
        if (is(s.tokens[i], kHostVerb)) triggers.push_back(i);
      std::sort(triggers.begin(), triggers.end());
    }
    for (std::size_t trigger : triggers) meeting(s, trigger, date);
  }

  // "Canada and the United States clinched a deal": the parties that reached an agreement
  // negotiated it.
  void deal(Sentence& s) {
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (!is(s.tokens[i], kDealVerb)) continue;
      bool agreement = false;
      for (std::size_t j = i + 1; j < std::min(s.tokens.size(), i + 5) && !agreement; ++j) {
        const std::string_view w = s.tokens[j].lower;
        agreement = w == "deal"sv || w == "agreement"sv || w == "accord"sv || w == "pact"sv;
      }
      if (agreement) each_pair(parties_before(s, i), first_date(s), s, "reached-deal");
    }
  }

  // Every two of `side` negotiate with each other.
  void each_pair(const std::vector<long>& side, const std::string& date, const Sentence& s,
                 std::string_view rule) {
    for (std::size_t x = 0; x + 1 < side.size(); ++x)
      for (std::size_t y = x + 1; y < side.size(); ++y)
        if (side[x] != side[y]) a.relate("negotiates-with", side[x], side[y], date, s, rule);
  }

  // Who meets: the parties coordinated before the verb, else the last actor named before the
  // trigger, unless it only reports the meeting ("X said the minister met Y").
  std::vector<long> meeting_side(Sentence& s, std::size_t trigger, std::size_t verb) {
    std::vector<long> side = parties_before(s, verb);
    // Else the last actor named before, unless it only reports the meeting ("X said
    // the minister met Y").
    if (side.empty())
      for (Mention& m : s.mentions) {
        if (m.first >= trigger) break;
        if (is_name(m) && m.entity >= 0) side = {m.entity};
      }
    if (!side.empty()) {
      std::size_t named_at = 0;  // where the side was last named before the trigger
      for (const Mention& m : s.mentions)
        if (m.last <= trigger && m.entity == side.front()) named_at = m.last;
      for (std::size_t i = named_at; i < trigger; ++i) {
        const std::string_view v = s.tokens[i].lower;
        if (v == "said"sv || v == "says"sv || v == "told"sv || v == "announced"sv || v == "stated"sv) {
          side.clear();
          break;
        }
      }
    }
    return side;
  }

  // A meeting named by the word at `trigger`: "A met with B", "the USTR team will meet with
  // Minister Freeland", "negotiations with Canada", "A met B", "A and B met", "A hosted B and C
  // for talks".
  void meeting(Sentence& s, std::size_t trigger, const std::string& date) {
    const std::string_view w = s.tokens[trigger].lower;
    const bool nominal = w == "talks"sv || w == "negotiations"sv || w == "meeting"sv || w == "meetings"sv ||
                         w == "consultations"sv || w == "discussions"sv || w == "call"sv || w == "relations"sv ||
                         w == "summit"sv;
    // "Negotiators from the European Union and Australia": the parties face each other.
    if (w == "negotiators"sv && trigger + 1 < s.tokens.size() && s.tokens[trigger + 1].lower == "from"sv) {
      each_pair(parties(s, trigger + 2, false), date, s, "negotiators-from");
      return;
    }
    const bool spoke = w == "spoke"sv || w == "talked"sv;
    // "with" right after the trigger, or after a phrase of time, place or topic ("talks on
    // Thursday and Friday with X"), which ends at punctuation or at a named actor.
    std::size_t reach = std::min(s.tokens.size(), trigger + (nominal ? 8 : 4));
    for (const Mention& m : s.mentions)
      if (m.first > trigger && is_name(m) && m.entity >= 0 &&
          a.entities[static_cast<std::size_t>(m.entity)].type != "region"sv) {
        reach = std::min(reach, m.first);  // the phrase ends at a named actor
        break;
      }
    std::size_t with = trigger + 1;
    for (; with < reach; ++with) {
      const Token& k = s.tokens[with];
      if (k.lower == "with"sv || (spoke && k.lower == "to"sv) || !k.word || is(k, kTalksWord) ||
          k.lower == "between"sv || k.lower == "which"sv || k.lower == "that"sv || k.lower == "who"sv)
        break;
    }
    const bool has_with = with < s.tokens.size() &&
                          (s.tokens[with].lower == "with"sv || (spoke && s.tokens[with].lower == "to"sv)) &&
                          s.tokens[with - 1].lower != "along"sv;
    // "A had a constructive meeting with B": the noun has a subject after all.
    std::size_t verb = trigger;
    bool has_subject = false;
    for (std::size_t b = trigger; b > 0 && b + 4 > trigger; --b) {
      const std::string_view v = s.tokens[b - 1].lower;
      if (v == "had"sv || v == "held"sv || v == "hold"sv || v == "holds"sv || v == "has"sv ||
          v == "have"sv || v == "began"sv || v == "conducted"sv || v == "will"sv) {
        has_subject = true;
        verb = b - 1;
        break;
      }
      if (!s.tokens[b - 1].word || s.tokens[b - 1].capitalised) break;
    }
    bool we = false;
    for (std::size_t b = trigger; b > 0 && b + 4 > trigger; --b)
      if (s.tokens[b - 1].lower == "we"sv || s.tokens[b - 1].lower == "our"sv) we = true;
    std::vector<long> side;
    if ((!nominal || has_subject) && !we) side = meeting_side(s, trigger, verb);
    std::vector<long> others;
    std::string_view rule = "talks-with";
    if (has_with) {
      others = parties(s, with + 1, false);
    } else if (nominal && has_subject && side.size() >= 2) {
      // "A and B held talks in Washington": the subjects talked with each other.
      each_pair(side, date, s, "talks-together");
      return;
    } else if (!nominal && (w.starts_with("meet"sv) || w == "met"sv || w == "hosted"sv || w == "hosts"sv ||
                            w == "welcomed"sv || w == "welcomes"sv)) {
      // "A met B": the object follows at once, or after "his (Chinese) counterpart".
      std::size_t from = trigger + 1;
      if (from < s.tokens.size() && (s.tokens[from].lower == "his"sv || s.tokens[from].lower == "her"sv ||
                                     s.tokens[from].lower == "their"sv)) {
        std::size_t q = from + 1;
        while (q < s.tokens.size() && q < from + 4 && s.tokens[q].word && s.tokens[q].lower != "counterpart"sv &&
               s.tokens[q].lower != "counterparts"sv)
          ++q;
        if (q < s.tokens.size() && (s.tokens[q].lower == "counterpart"sv || s.tokens[q].lower == "counterparts"sv))
          from = q + 1;
      }
      if (std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) { return m.first == from; }))
        others = parties(s, from, false);
      rule = "met";
      // "A and B met in Washington": the subjects met each other.
      if (others.empty() && side.size() >= 2 && (w == "met"sv || w == "meet"sv)) {
        each_pair(side, date, s, "met-together");
        return;
      }
    } else if (!nominal && (w == "discussed"sv || w == "talked"sv || w == "spoke"sv || w == "negotiated"sv)) {
      // "A and B discussed tariffs": the subjects talked with each other.
      each_pair(side, date, s, "talked-together");
      return;
    } else {
      return;
    }
    // "Negotiations with Canada", "we met with": the article's own voice. A verb whose subject
    // is not named ("the minister met X") says nothing about who.
    if (side.empty() && issuing_agency >= 0 && (nominal || we)) side = {issuing_agency};
    for (long o : others)
      for (long x : side)
        if (o != x) a.relate("negotiates-with", x, o, date, s, rule);
  }

  void condemn(Sentence& s, std::size_t trigger) {
    long speaker = -1;
    for (Mention& m : s.mentions) {
      if (m.first >= trigger) break;
      if (m.entity >= 0 && is_name(m)) speaker = m.entity;
    }
    if (speaker < 0) return;
    // The object: whatever is named first after the verb, a list or an actor; "the U.S.
    // decision" condemns the country whose act it is, "a US blacklist" the list.
    long target = -1;
    const Mention* named = nullptr;
    for (std::size_t i = trigger + 1; i < s.tokens.size() && target < 0; ++i) {
      for (Mention& m : s.mentions)
        if (m.first == i && m.entity >= 0 &&
            (is_name(m) || m.type == "list"sv ||
             (m.role == Mention::Role::kDemonym && m.last < s.tokens.size() && s.tokens[m.last].word &&
              !s.tokens[m.last].capitalised && !is(s.tokens[m.last], kGenericListWord)))) {
          target = m.entity;
          named = &m;
        }
      if (target < 0 && is(s.tokens[i], kGenericListWord)) target = doc_list;
    }
    if (target < 0) return;
    if (named && a.entities[static_cast<std::size_t>(target)].type == "region"sv) {
      // "criticised Washington": a capital as the object stands for its government.
      if (const std::size_t row = lex.region_row(a.entities[static_cast<std::size_t>(target)].name);
          row != std::string::npos)
        if (const std::size_t country = lex.country_of_capital(row); country != std::string::npos)
          target = a.entity_for_entry("region", lex.regions[country].name, "region");
      ArticleEntity& region = a.entities[static_cast<std::size_t>(target)];
      if (region.demonym_only || region.evidence.empty()) {
        region.demonym_only = false;
        a.note_mention(target, named->text, s);
      }
    }
    if (target != speaker) a.relate("condemns", speaker, target, first_date(s), s, "condemn");
  }

  // "X, an entity on the Entity List"; "X, which is on the LSP"; "X remains on the list".
  void membership(Sentence& s) {
    for (const Mention& l : s.mentions)
      if (l.type == "list"sv && l.entity >= 0) member_on(s, l.first, l.entity, false);
    // "revising the Entity List entry for X", "adding a new entry for Y": a list's entry names
    // a member.
    if (s.classes & kAddVerb)
      for (std::size_t i = 0; i + 2 < s.tokens.size(); ++i) {
        const std::string_view w = s.tokens[i].lower;
        if ((w != "entry"sv && w != "entries"sv) || s.tokens[i + 1].lower != "for"sv) continue;
        long list = list_in(s, 0, s.tokens.size());
        if (list < 0) list = doc_list;
        std::size_t q = i + 2;
        while (q < s.tokens.size() && !s.tokens[q].word && s.tokens[q].text != ","sv) ++q;  // quotes
        for (Mention& m : s.mentions)
          if (m.first == q && m.role == Mention::Role::kName && actor_type(m.type)) {
            const long e = entity_of(s, m);
            if (e >= 0 && list >= 0 && e != list)
              a.relate("added-to-list", e, list, own_or_pointed_date(s), s, "list-entry");
            break;
          }
      }
    // "the list", "the blacklist": the article's list, when a state verb says who is on it.
    if (doc_list >= 0 && (s.classes & kGenericListWord))
      for (std::size_t i = 0; i < s.tokens.size(); ++i)
        if (is(s.tokens[i], kGenericListWord) && !inside_mention(s, i)) member_on(s, i, doc_list, true);
  }

  static bool inside_mention(const Sentence& s, std::size_t i) {
    for (const Mention& m : s.mentions)
      if (m.first <= i && i < m.last) return true;
    return false;
  }

  // The member named before "on [the] LIST", where the list phrase starts at token `at`.
  // `need_state`: only after a verb of being there ("remains on", "is still on").
  void member_on(Sentence& s, std::size_t at, long list, bool need_state) {
    if (at >= 1 && s.tokens[at - 1].lower == "the"sv) --at;
    if (at >= 1 && s.tokens[at - 1].lower == "bis"sv) --at;
    if (at < 1 || s.tokens[at - 1].lower != "on"sv) return;
    const std::size_t on = at - 1;
    // "placed X and two of its affiliates on the Entity List": the listing rule's.
    for (std::size_t i = on; i > 0 && i + 12 > on; --i)
      if (is(s.tokens[i - 1], kAddVerb) || is(s.tokens[i - 1], kRemoveVerb)) return;
    if (need_state) {
      const std::string_view w = on >= 1 ? s.tokens[on - 1].lower : ""sv;
      const bool state = w == "remains"sv || w == "remain"sv || w == "remained"sv || w == "stays"sv ||
                         w == "stay"sv || w == "stayed"sv || w == "still"sv || w == "already"sv ||
                         w == "currently"sv;
      if (!state) return;
    }
    for (std::size_t j = s.mentions.size(); j > 0; --j) {
      Mention& m = s.mentions[j - 1];
      if (m.first >= on) continue;
      if (m.last + 10 < on) break;
      if (m.role != Mention::Role::kName || m.type == "region"sv || m.type == "list"sv || m.type == "group"sv)
        continue;
      if (m.last < s.tokens.size() && s.tokens[m.last].text == "'s"sv) continue;
      const long e = entity_of(s, m);
      if (e >= 0 && e != list) a.relate("added-to-list", e, list, "", s, "member-of-list");
      break;
    }
  }

  // Whether the sentence is an item of a bulleted list: a bullet ("-", "*", "•") opens its line.
  bool bulleted(const Sentence& s) const {
    const std::string_view text = a.record->text;
    std::size_t i = s.span.begin;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    std::size_t width = 0;
    if (i >= 1 && (text[i - 1] == '-' || text[i - 1] == '*')) width = 1;
    else if (i >= 3 && text.substr(i - 3, 3) == "\xE2\x80\xA2"sv) width = 3;
    if (width == 0) return false;
    i -= width;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    return i == 0 || text[i - 1] == '\n';
  }

  // "The following entities are being designated:" then one item per bullet: the first actor
  // named in each item is a target of that action.
  bool list_item(Sentence& s) {
    if (!items_follow) return false;
    if (!bulleted(s)) {
      items_follow = false;
      return false;
    }
    for (Mention& m : s.mentions) {
      if (m.role != Mention::Role::kName || !actor_type(m.type)) continue;
      const long e = entity_of(s, m);
      if (e < 0) continue;
      if (last.type == "sanctions"sv && last.agent >= 0 && last.agent != e)
        a.relate("sanctions", last.agent, e, last.date, s, "sanction-item");
      else if (last.list >= 0 && last.list != e)
        a.relate(last.type, e, last.list, last.date, s, "listing-item");
      last_targets.push_back(e);
      break;
    }
    return true;
  }

  void run(Sentence& s) {
    if (list_item(s)) return;
    membership(s);
    if (continuation(s)) return;
    // Each rule looks at a sentence only when it has one of the rule's cue words.
    if (s.classes & (kAddVerb | kRemoveVerb))
      for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        if (is(s.tokens[i], kAddVerb)) {
          listing(s, i, "added-to-list");
          break;
        }
        if (is(s.tokens[i], kRemoveVerb)) {
          listing(s, i, "removed-from-list");
          break;
        }
      }
    if (s.classes & kSanctionWord)
      for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        if (!is(s.tokens[i], kSanctionWord)) continue;
        const std::string_view w = s.tokens[i].lower;
        // "Sanctions Act", "sanctioned banks": a name or an adjective, not the act of sanctioning.
        // "U.S. sanctions" is the act; "Iran Sanctions Act", "Caesar sanctions" are names.
        if (i > 0 && w == "sanctions"sv && (s.tokens[i].capitalised || s.tokens[i - 1].capitalised)) {
          const Mention* before = nullptr;
          for (const Mention& m : s.mentions)
            if (m.last == i) before = &m;
          const bool by_place = !s.tokens[i].capitalised && before && before->entity >= 0 &&
                                a.entities[static_cast<std::size_t>(before->entity)].type == "region"sv;
          if (!by_place) continue;
          // "X was already under U.S. sanctions": a standing sanction by that country.
          if (before->first >= 1 && s.tokens[before->first - 1].lower == "under"sv) {
            under_sanctions(s, before->first - 1, before->entity);
            break;
          }
        }
        if (w.ends_with("ed") && i > 0) {
          const std::string_view before = s.tokens[i - 1].lower;
          if (before == "of"sv || before == "the"sv || before == "a"sv || before == "an"sv || before == "other"sv ||
              before == "for"sv || before == "with"sv || before == "to"sv || before == "these"sv ||
              before == "those"sv || before == "its"sv || before == "their"sv || before == "and"sv || before == "or"sv)
            continue;
        }
        // "to be blacklisted" says neither by whom nor onto which list: only an active
        // "X blacklisted Y" is read.
        if (w.starts_with("blacklist"sv) && passive_at(s, i)) continue;
        sanction(s, i);
        break;
      }
    if (s.classes & kTalksWord) talks(s);
    if (s.classes & kDealVerb) deal(s);
    if (s.classes & kCondemnVerb)
      for (std::size_t i = 0; i < s.tokens.size(); ++i)
        if (is(s.tokens[i], kCondemnVerb)) {
          condemn(s, i);
          break;
        }
  }
};

}  // namespace

bool describes_other(const Article& a, const Sentence& s, const Mention& m) {
  std::size_t p = m.first;
  if (p >= 1 && s.tokens[p - 1].lower == "the"sv) --p;
  // "of China's Central Military Commission": a possessive place between "of" and the name.
  if (p >= 1 && s.tokens[p - 1].text == "'s"sv)
    for (const Mention& r : s.mentions)
      if (r.last + 1 == p && r.entity >= 0 &&
          a.entities[static_cast<std::size_t>(r.entity)].type == "region"sv) {
        p = r.first;
        break;
      }
  if (p < 2) return false;
  const std::string_view link = s.tokens[p - 1].lower;
  if (link != "of"sv && link != "by"sv) return false;
  const std::string_view head = s.tokens[p - 2].lower;
  if (head == "subsidiary"sv || head == "subsidiaries"sv || head == "affiliate"sv ||
      head == "affiliates"sv || head == "unit"sv || head == "division"sv || head == "arm"sv ||
      head == "owned"sv || head == "controlled"sv || head == "behalf"sv || head == "directed"sv)
    return true;
  // "X, the managing director of Y": Y places X; the action is on X.
  if (link == "of"sv && (s.tokens[p - 2].classes & kPersonNoun)) return true;
  if (link != "of"sv) return false;
  // The word before "of" ends another name (or its acronym in parentheses).
  const std::size_t of = p - 1;
  std::size_t end = of;  // where that name ends: before "of", or before "(EDD) of"
  if (s.tokens[of - 1].text == ")"sv) {
    end = of - 1;
    while (end > 0 && s.tokens[end].text != "("sv) --end;
  }
  for (const Mention& other : s.mentions)
    if (other.last == end && &other != &m && other.role == Mention::Role::kName) return true;
  return false;
}

void find_structure(Article& a);  // structural relations: structure.cpp

void find_relations(Article& a) {
  Rules rules{a, *a.lexicon, -1, -1, {}, {}};
  for (const ArticleEntity& e : a.entities) {
    const long index = static_cast<long>(&e - a.entities.data());
    if (rules.doc_list < 0 && e.type == "list"sv) rules.doc_list = index;
  }
  // The first agency named in the text is the article's own voice.
  for (Sentence& s : a.sentences) {
    for (Mention& m : s.mentions)
      if (m.entity >= 0 && is_name(m) && a.entities[static_cast<std::size_t>(m.entity)].type == "agency"sv) {
        rules.issuing_agency = m.entity;
        break;
      }
    if (rules.issuing_agency >= 0) break;
  }
  for (Sentence& s : a.sentences)
    if (!s.heading) {
      rules.run(s);
      rules.previous = &s;
    } else {
      // A bulleted item in title case ("- Nordwind Handels GmbH, Hamburg, Germany") reads as a
      // heading, but may still be the next target of a list.
      rules.list_item(s);
    }
  find_structure(a);
}

}  // namespace factgraph::ingest
