#pragma once
// What the extractor knows about an article while it reads it: sentences, tokens, mentions of
// actors and the actors they resolve to. Internal to ingest/text.

#include <set>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/json_input.hpp"
#include "ingest/text/dates.hpp"
#include "ingest/text/lexicon_data.hpp"
#include "ingest/text/sentences.hpp"
#include "ingest/text/tokens.hpp"

namespace factgraph::ingest {

/// A stretch of tokens naming (or evoking) an actor, a list or a title.
struct Mention {
  std::size_t first = 0, last = 0;  ///< token range [first, last) in the sentence
  std::string text;                 ///< surface form as written
  std::string type;                 ///< firm agency official person region list group; "" unknown
  enum class Role { kName, kDemonym, kTitle, kGenericList, kReference } role = Role::kName;
  std::size_t title_row = 0;  ///< for kTitle: row of LexiconData::titles (or npos: generic)
  long entity = -1;           ///< index into Article::entities once resolved
  long place = -1;            ///< region the name itself places it in ("China's Foreign Ministry")
  std::string_view rule;      ///< how it was recognised (a string literal)
};

struct Sentence {
  Span span;  ///< byte range in the article text
  std::vector<Token> tokens;
  std::vector<Mention> mentions;  ///< ordered by first token
  std::vector<DateMention> dates;  ///< offsets relative to the sentence
  /// The WordClass bits of all its tokens: a rule that needs a cue word skips sentences without.
  std::uint32_t classes = 0;
  bool heading = false;  ///< title-case or all-caps line: only gazetteer names are trusted
};

/// One actor of the article, with every surface form it was named by.
struct ArticleEntity {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::string key;  ///< gazetteer key ("agency:12") or normalised name
  std::vector<Evidence> evidence;
  bool used = false;  ///< demonym-only regions are kept only when a relation uses them
  bool demonym_only = true;
};

/// Finds an article's entities by key (ArticleEntity::key): open addressing over the keys'
/// hashes, with no allocation per key, as an article looks its few dozen keys up thousands of
/// times.
class EntityIndex {
 public:
  /// The index of the entity whose key is `key` (of hash `hash`), or -1.
  [[nodiscard]] long find(std::string_view key, std::size_t hash,
                          const std::vector<ArticleEntity>& entities) const;
  /// Adds entity `index`, whose key (of hash `hash`) is not in the index yet.
  void insert(std::size_t hash, long index);

 private:
  struct Slot {
    std::size_t hash = 0;
    long index = -1;  // -1: free
  };
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t count_ = 0;
};

struct Article {
  const ArticleRecord* record = nullptr;
  const LexiconData* lexicon = nullptr;
  bool copy_sentences = true;  ///< false: evidence keeps only offsets (EvidenceText::kOffsetsOnly)
  std::vector<Sentence> sentences;
  TokenArena token_text;  ///< the sentences' tokens point into it (and into the record's text)
  std::vector<ArticleEntity> entities;
  EntityIndex entity_by_key;
  std::vector<RelationFact> relations;
  Attributes counts;
  std::string entry_key;  ///< entity_for_entry builds its keys here, so a lookup allocates nothing
  std::string name_key;   ///< and entity_for the keys of names
  std::set<std::string> not_actors;  ///< acronyms of laws and common nouns ("EAR", "UAVs")  ///< stated counts, attached to the document's relations

  /// Finds or creates the entity for a name of `type`; `key` identifies gazetteer entries (an
  /// empty key means the normalised name).
  long entity_for(std::string_view name, std::string_view type, std::string_view key);
  /// entity_for(name, type, "<kind>:<name>"): the entity of a gazetteer entry ("region", "China").
  long entity_for_entry(std::string_view kind, std::string_view name, std::string_view type);
  /// Records that `entity` was named `surface` in sentence `s`.
  void note_mention(long entity, std::string_view surface, const Sentence& s);
  /// Adds a relation (deduplicated) with the sentence as evidence.
  void relate(std::string_view type, long source, long target, std::string date,
              const Sentence& s, std::string_view rule, Attributes attributes = {});
  [[nodiscard]] std::string_view text_of(const Sentence& s) const;
  /// The evidence record for sentence `s`, its text copied unless copy_sentences is false.
  [[nodiscard]] Evidence evidence_of(const Sentence& s, std::string_view rule) const;
  /// The region entities a dateline place names ("Brussels, Belgium" gives both).
  std::vector<long> entities_for_place(std::string_view place);
};

/// Finds the mentions of every sentence and resolves them to entities.
void find_mentions(Article& article);

/// Gives name chunks their entities: acronyms defined in parentheses, persons and their
/// surnames, organisations and their short forms ("Hikvision" for "Hangzhou Hikvision Digital
/// Technology"), "Government of X" as the country. Called by find_mentions.
void resolve_names(Article& article);

/// The entity for an untyped name chunk that a relation rule shows to be an organisation.
long promote_to_firm(Article& article, Sentence& sentence, Mention& mention);

/// Whether mention `m` only describes another name of its sentence: the parent in "X, a
/// subsidiary of Y", "owned or controlled by Y", "on behalf of Y", or the body in "the Department
/// X (DX) of (China's) Y". An action on X does not fall on Y.
[[nodiscard]] bool describes_other(const Article& a, const Sentence& s, const Mention& m);

/// Applies the relation rules to every sentence.
void find_relations(Article& article);

}  // namespace factgraph::ingest
