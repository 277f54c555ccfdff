#!/usr/bin/python3
"""Generate a synthetic, typed, deterministic knowledge graph as factgraph facts (JSON Lines),
plus the same graph as a node/edge list for the peer tools (igraph, networkx).

    bench/gen_facts.py --out bench/out/graph            # 100,000 nodes, 1,000,000 edges
    bench/gen_facts.py --out /tmp/g --nodes 1000 --edges 10000 --documents 20

Writes into --out:
  facts.jsonl    one facts document per line (docs/facts-format.md); each declares exactly the
                 entities its relations use
  nodes.tsv      id, label, type, aliases, sources, country, founded  (what factgraph will merge to)
  edges.tsv      source, target, type, date, weight, sources, evidence, agent, role
  manifest.json  the parameters and the counts factgraph must reproduce

The graph factgraph builds from facts.jsonl has exactly --nodes nodes and --edges edges:
- every node has a canonical name whose normalised form (graph/names.cpp) is unique across the
  whole graph, so entities only merge when they should;
- a node is declared in many documents, under name variants that normalise alike ("Kravix
  Optics Co., Ltd." / "Kravix Optics"), sometimes only by a shared alias ("Kravix"), so the
  builder's merging by normalised name and alias is exercised;
- every (source, target, type, date) is new except a fraction of "follow-up" relations that
  restate an edge of an earlier document: these merge into that edge (weight > 1).
Endpoints are drawn half from the document's own community of nodes and half from a skewed
(power-law-like) global pick, which makes hubs such as popular lists and agencies.
"""

import argparse
import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")

# --- name normalisation: a transcription of normalize_name/slugify (graph/names.cpp) for the ---
# --- ASCII names generated here (non-ASCII names from data/ are filtered out)              ---

COMPANY_FORMS = {"co", "ltd", "inc", "corp", "corporation", "company", "limited", "llc", "plc",
                 "sa", "ag", "gmbh", "jsc", "ojsc", "pjsc", "oao", "ooo", "llp", "lp", "cjsc",
                 "pte", "bhd"}


def _word_char(c):
    return c.isascii() and c.isalnum() or ord(c) >= 0x80


def normalize(name):
    words, word = [], []
    i, n = 0, len(name)
    while i < n:
        c = name[i]
        if c == "'" and i + 1 < n and name[i + 1] in "sS" and (i + 2 == n or not _word_char(name[i + 2])):
            if word:
                words.append("".join(word))
                word = []
            i += 2
            continue
        if c == "&":
            if word:
                words.append("".join(word))
                word = []
            words.append("and")
        elif _word_char(c):
            word.append(c.lower())
        elif word:
            words.append("".join(word))
            word = []
        i += 1
    if word:
        words.append("".join(word))
    first = 1 if words and words[0] == "the" else 0
    last = len(words)
    while last > first + 1 and words[last - 1] in COMPANY_FORMS:
        last -= 1
    return " ".join(words[first:last])


def slugify(name):
    return normalize(name).replace(" ", "-")


# --- vocabulary ---

def read_tsv(name):
    rows = []
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def read_words(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


def plain(s):
    """Names the Python normalisation above reproduces exactly: ASCII, no quotes or controls."""
    return s.isascii() and s.isprintable() and '"' not in s and "\t" not in s and "|" not in s


ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n",
          "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "zh", "x", "y", "qu", "fl"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ao", "ei", "ia", "ou", "ea", "y"]
CODAS = ["", "", "", "n", "r", "l", "s", "m", "ng", "k", "x", "t", "v"]
SECTORS = ["Technologies", "Semiconductor", "Microelectronics", "Electronics", "Shipping",
           "Petroleum", "Trading", "Aviation", "Logistics", "Metals", "Chemicals",
           "Pharmaceuticals", "Optics", "Robotics", "Energy", "Mining", "Telecom", "Software",
           "Precision Machinery", "Defense Systems", "Networks", "Instruments", "Materials",
           "Capital", "Marine Services", "Biotech", "Aerospace", "Nuclear Engineering",
           "Shipbuilding", "Data Systems"]
FORMS = ["Co., Ltd.", "Inc.", "Corporation", "LLC", "Ltd.", "JSC", "GmbH", "PLC", "SA", "AG",
         "Pte. Ltd.", "Limited", "Corp."]
PORTFOLIOS = ["Commerce", "Trade", "Finance", "Foreign Affairs", "Industry", "Energy", "Defense",
              "Export Control", "Customs", "Treasury", "Justice", "Economy",
              "Telecommunications", "Transport", "Agriculture", "Maritime Affairs",
              "Financial Supervision", "Competition", "Public Security", "Nuclear Safety",
              "Investment Screening", "Strategic Goods", "Foreign Assets Control", "Intelligence"]
AGENCY_PATTERNS = ["Ministry of {p} of {c}", "{c} {p} Agency", "{c} Bureau of {p}",
                   "State Administration for {p} of {c}", "{c} Office of {p} Enforcement",
                   "{c} Directorate of {p}", "{c} Federal Service for {p}"]
LIST_KINDS = ["Sanctions List", "Entity List", "Export Control List", "Unverified List",
              "Military End-User List", "Denied Persons List", "Watch List",
              "Consolidated Sanctions List", "Unreliable Entity List", "Asset Freeze List",
              "Travel Ban List", "Blocked Persons List", "Investment Ban List",
              "Specially Designated Nationals List"]
REGION_KINDS = ["Province", "Oblast", "Prefecture", "County", "District", "Special Economic Zone",
                "Free Trade Zone", "Governorate", "Autonomous Region", "Krai"]
GROUP_KINDS = ["Liberation Front", "Brigade", "Workers Union", "Minority", "Tribal Council",
               "Diaspora", "Separatists", "Militia", "Resistance Movement", "Farmers Association",
               "Students Federation", "Veterans League"]
SOURCES = ["Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "Nikkei Asia", "Financial Times",
           "Kyodo", "Yonhap", "TASS", "Al Jazeera", "Deutsche Welle"]

RELATIONS = [  # type, weight, [(source types, target types)], symmetric
    ("added-to-list", 20, [(("firm", "firm", "firm", "firm", "person", "official", "group", "agency"), ("list",))]),
    ("removed-from-list", 4, [(("firm", "firm", "person", "official", "group"), ("list",))]),
    ("subordinate-of", 10, [(("agency",), ("agency",)), (("firm",), ("firm",))]),
    ("negotiates-with", 10, [(("official",), ("official",)), (("agency",), ("agency",)), (("region",), ("region",))]),
    ("holds-office", 8, [(("official",), ("agency", "agency", "region"))]),
    ("located-in", 18, [(("firm", "firm", "firm", "agency", "group", "person"), ("region",))]),
    ("part-of", 6, [(("region",), ("region",)), (("agency",), ("agency",)), (("group",), ("group",))]),
    ("maintains", 2, [(("agency",), ("list",))]),
    ("sanctions", 12, [(("agency", "agency", "region"), ("firm", "firm", "person", "official", "group", "agency"))]),
    ("condemns", 10, [(("official", "agency", "region"), ("firm", "region", "agency", "official", "group"))]),
]
TYPE_SHARE = [("firm", 0.50), ("person", 0.20), ("official", 0.10), ("agency", 0.08),
              ("group", 0.06), ("region", 0.04), ("list", 0.02)]


class Names:
    """Hands out names whose normalised keys are unique across the whole graph."""

    def __init__(self):
        self.taken = set()

    def claim(self, *names):
        keys = [normalize(n) for n in names]
        if any(not k or k in self.taken for k in keys) or len(set(keys)) != len(keys):
            return False
        self.taken.update(keys)
        return True

    def claim_variants(self, variants):
        """`variants` all normalise to one key; claims it."""
        key = normalize(variants[0])
        assert all(normalize(v) == key for v in variants), variants
        if not key or key in self.taken:
            return False
        self.taken.add(key)
        return True


def acronym(name):
    letters = [w[0] for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(letters) if len(letters) >= 2 else ""


def make_nodes(rng, count):
    """Returns (types, variants, aliases, attributes): variants[i][0] is the canonical name."""
    names = Names()
    regions = [r for r in read_tsv("regions.tsv") if plain(r["name"])]
    countries = [r["name"] for r in regions if r["kind"] == "country"]
    cities = [r["name"] for r in regions if r["kind"] in ("city", "province", "state")]
    given = [w for w in read_words("given_names.txt") if plain(w)]
    surnames = [w for w in read_words("surnames.txt") if plain(w)]
    seen_core = set()

    def core():
        while True:
            w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                        for _ in range(rng.choice((2, 2, 3)))).capitalize()
            if 4 <= len(w) <= 12 and w not in seen_core:
                seen_core.add(w)
                return w

    def code(country):
        return country[:2].upper()

    want = {t: int(round(share * count)) for t, share in TYPE_SHARE}
    want["firm"] += count - sum(want.values())
    types, variants, aliases, attrs = [], [], [], []

    def add(t, vs, als, at):
        if not names.claim_variants(vs):
            return False
        kept = [a for a in als if a and names.claim(a)]
        types.append(t)
        variants.append(vs)
        aliases.append(kept)
        attrs.append(at)
        return True

    def real_aliases(cell):
        return [a for a in cell.split("|") if a and plain(a)]

    # Real entries first: they become the hubs of the skewed pick.
    for t, rows in (("agency", read_tsv("agencies.tsv")), ("list", read_tsv("lists.tsv")),
                    ("group", read_tsv("groups.tsv")), ("region", regions)):
        made = 0
        for r in rows:
            if made >= want[t] // 2 or not plain(r["name"]):
                continue
            at = {"country": code(r["country"])} if r.get("country") else {}
            if add(t, [r["name"]], real_aliases(r.get("aliases", ""))[:3], at):
                made += 1
        want[t] -= made

    for t in ("agency", "list", "group", "region", "firm", "official", "person"):
        made, attempts = 0, 0
        while made < want[t]:
            attempts += 1
            if attempts > 50 * want[t] + 1000:
                sys.exit(f"gen_facts: cannot find {want[t]} unique {t} names")
            if t == "firm":
                c = core()
                body = f"{c} {rng.choice(SECTORS)}"
                if rng.random() < 0.3:
                    body = f"{rng.choice(cities)} {body}"
                form = rng.choice(FORMS)
                vs = [f"{body} {form}", body]
                if form.startswith("Co"):
                    vs.append(f"{body} Company")
                als = [c] if rng.random() < 0.6 else []
                if rng.random() < 0.3:
                    als.append(acronym(body))
                at = {"country": code(rng.choice(countries))}
                if rng.random() < 0.4:
                    at["founded"] = rng.randint(1950, 2022)
                ok = add(t, vs, als, at)
            elif t in ("person", "official"):
                g, s = rng.choice(given), rng.choice(surnames)
                name = f"{g} {s}" if rng.random() < 0.8 else f"{g} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {s}"
                als = [f"{g[0]}. {s}"] if rng.random() < 0.3 else []
                if rng.random() < 0.15:
                    als.append(f"{s} {g}")  # family name first, as some outlets write it
                ok = add(t, [name], als, {})
            elif t == "agency":
                c = rng.choice(countries)
                name = rng.choice(AGENCY_PATTERNS).format(p=rng.choice(PORTFOLIOS), c=c)
                ok = add(t, [name], [acronym(name)], {"country": code(c)})
            elif t == "list":
                c = rng.choice(countries)
                kind = rng.choice(LIST_KINDS)
                name = f"{c} {kind}" if rng.random() < 0.7 else f"{c} {core()} {kind}"
                ok = add(t, [name], [acronym(name)] if rng.random() < 0.5 else [], {})
            elif t == "region":
                c = core()
                kind = rng.choice(REGION_KINDS)
                ok = add(t, [f"{c} {kind}"], [c] if rng.random() < 0.5 else [], {})
            else:  # group
                c = core()
                name = f"{c} {rng.choice(GROUP_KINDS)}"
                ok = add(t, [name], [acronym(name)] if rng.random() < 0.4 else [], {})
            if ok:
                made += 1
    return types, variants, aliases, attrs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--documents", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--restate", type=float, default=0.05,
                    help="share of relations, beyond --edges, that restate an earlier document's edge")
    ap.add_argument("--evidence", type=float, default=0.3, help="share of relations with a sentence")
    args = ap.parse_args()
    if args.nodes < 100 or args.edges < args.nodes // 2 or args.documents < 1:
        sys.exit("gen_facts: need --nodes >= 100, --edges >= nodes/2, --documents >= 1")

    rng = random.Random(args.seed)
    types, variants, aliases, attrs = make_nodes(rng, args.nodes)
    n = len(types)
    by_type = {}
    for i, t in enumerate(types):
        by_type.setdefault(t, []).append(i)
    agencies = by_type["agency"]
    titles = [r["title"] for r in read_tsv("titles.tsv") if plain(r["title"]) and r["kind"] == "official"]

    # Communities: every node is "home" in exactly one document, so every node is used.
    order = list(range(n))
    rng.shuffle(order)
    D = args.documents
    per = -(-n // D)
    homes = [order[d * per:(d + 1) * per] for d in range(D)]

    rel_weights = [r[1] for r in RELATIONS]
    options_for_type = {}  # node type -> [(relation index, option index, side)]
    for ri, (_, _, opts) in enumerate(RELATIONS):
        for oi, (srcs, tgts) in enumerate(opts):
            for t in set(srcs):
                options_for_type.setdefault(t, []).append((ri, oi, 0))
            for t in set(tgts):
                options_for_type.setdefault(t, []).append((ri, oi, 1))

    def global_pick(t):
        pool = by_type[t]
        return pool[int(len(pool) * rng.random() ** 2.5)]

    # Edges, identified by (source, target, type, date); symmetric types by the sorted pair.
    edge_index = {}
    e_src, e_tgt, e_type, e_date, e_agent, e_role = [], [], [], [], [], []
    e_mentions = []  # per edge: list of (doc id, sentence)
    label = [None] * n
    seen_names = [None] * n
    node_docs = [None] * n

    os.makedirs(args.out, exist_ok=True)
    facts_path = os.path.join(args.out, "facts.jsonl")
    start = datetime.date(2015, 1, 1)
    span = (datetime.date(2024, 12, 31) - start).days
    relations_total = restated_total = declarations = 0
    with open(facts_path + ".tmp", "w", encoding="utf-8") as out:
        for d in range(D):
            doc_id = f"synth-{d + 1:05d}"
            doc_day = start + datetime.timedelta(days=(d * span) // D + rng.randint(0, 3))
            quota = args.edges // D + (1 if d < args.edges % D else 0)
            home = homes[d]
            home_by_type = {}
            for h in home:
                home_by_type.setdefault(types[h], []).append(h)
            local = {}  # node -> entity index in this document
            decl = []  # entity objects
            rels = []

            def pick(t):
                pool = home_by_type.get(t)
                if pool and rng.random() < 0.5:
                    return rng.choice(pool)
                return global_pick(t)

            def rel_date():
                r = rng.random()
                day = doc_day - datetime.timedelta(days=rng.randint(0, 90))
                if r < 0.85:
                    return day.isoformat()
                if r < 0.95:
                    return day.isoformat()[:7]
                return ""

            def declare(v):
                if v in local:
                    return local[v]
                k = len(decl)
                local[v] = k
                first = label[v] is None
                vs, als = variants[v], aliases[v]
                e = {"id": f"e{k}"}
                r = rng.random()
                if first or r < 0.7 or (r >= 0.9 and not als):
                    name, said = vs[0], list(als) if first else [a for a in als if rng.random() < 0.5]
                elif r < 0.9:
                    name, said = rng.choice(vs), [a for a in als if rng.random() < 0.5]
                else:  # only the shared alias: merges through the alias key alone
                    name, said = rng.choice(als), []
                e["name"] = name
                e["type"] = types[v]
                if said:
                    e["aliases"] = said
                if attrs[v] and (first or rng.random() < 0.3):
                    e["attributes"] = attrs[v]
                if rng.random() < 0.1:
                    e["evidence"] = [f"{name} declined to comment on the report."]
                decl.append(e)
                if first:
                    label[v] = name
                    seen_names[v] = set()
                    node_docs[v] = set()
                seen_names[v].add(name)
                seen_names[v].update(said)
                node_docs[v].add(doc_id)
                return k

            def ref(v):
                k = declare(v)
                e = decl[k]
                r = rng.random()
                if r < 0.6:
                    return e["id"]
                if r < 0.9:
                    return e["name"]
                if r < 0.95 and e.get("aliases"):
                    return rng.choice(e["aliases"])
                return e["name"].lower()

            def sentence(rtype, s, t, agent):
                sn, tn = variants[s][0], variants[t][0]
                return {
                    "added-to-list": f"{agent or 'The agency'} added {sn} to the {tn}.",
                    "removed-from-list": f"{sn} was removed from the {tn}.",
                    "subordinate-of": f"{sn} is a unit of {tn}.",
                    "negotiates-with": f"{sn} held talks with {tn}.",
                    "holds-office": f"{sn} now serves at {tn}.",
                    "located-in": f"{sn} is based in {tn}.",
                    "part-of": f"{sn} is part of {tn}.",
                    "maintains": f"{sn} maintains the {tn}.",
                    "sanctions": f"{sn} imposed sanctions on {tn}.",
                    "condemns": f"{sn} condemned {tn}.",
                }[rtype]

            def emit(s, t, rtype, date, key):
                # A relation of this document; new keys make new edges.
                agent = role = ""
                if rtype in ("added-to-list", "removed-from-list", "sanctions") and rng.random() < 0.5:
                    agent = variants[agencies[int(len(agencies) * rng.random() ** 3)]][0]
                if rtype == "holds-office":
                    role = rng.choice(titles)
                r = {"type": rtype, "source": ref(s), "target": ref(t)}
                if date:
                    r["date"] = date
                sent = ""
                if rng.random() < args.evidence:
                    sent = sentence(rtype, s, t, agent)
                    r["evidence"] = sent
                if agent:
                    r["agent"] = agent
                if role:
                    r["role"] = role
                rels.append(r)
                ei = edge_index.get(key)
                if ei is None:
                    ei = edge_index[key] = len(e_src)
                    e_src.append(s)
                    e_tgt.append(t)
                    e_type.append(rtype)
                    e_date.append(date)
                    e_agent.append(agent)
                    e_role.append(role)
                    e_mentions.append([(doc_id, sent)])
                else:
                    e_mentions[ei].append((doc_id, sent))
                    if not e_agent[ei]:
                        e_agent[ei] = agent
                    if not e_role[ei]:
                        e_role[ei] = role

            def key_of(s, t, ri, date):
                if RELATIONS[ri][0] == "negotiates-with":
                    s, t = min(s, t), max(s, t)
                return (s, t, ri, date)

            def try_new(ri, oi, side, v):
                srcs, tgts = RELATIONS[ri][2][oi]
                for _ in range(20):
                    if side is None:
                        s, t = pick(rng.choice(srcs)), None
                    elif side == 0:
                        s, t = v, None
                    else:
                        s, t = None, v
                    if s is None:
                        s = pick(rng.choice(srcs))
                    if t is None:
                        t = pick(rng.choice(tgts))
                    if s == t:
                        continue
                    date = rel_date()
                    key = key_of(s, t, ri, date)
                    if key in edge_index:
                        continue
                    emit(s, t, RELATIONS[ri][0], date, key)
                    return True
                return False

            made = 0
            edges_before = len(e_src)
            for h in home:  # every home node gets at least one edge
                if made >= quota:
                    break
                for _ in range(10):
                    ri, oi, side = rng.choice(options_for_type[types[h]])
                    if try_new(ri, oi, side, h):
                        made += 1
                        break
            while made < quota:
                ri = rng.choices(range(len(RELATIONS)), rel_weights)[0]
                oi = rng.randrange(len(RELATIONS[ri][2]))
                if try_new(ri, oi, None, None):
                    made += 1
            restated = 0
            if edges_before:
                for _ in range(int(round(quota * args.restate))):
                    ei = rng.randrange(edges_before)
                    s, t, rtype, date = e_src[ei], e_tgt[ei], e_type[ei], e_date[ei]
                    if rtype == "negotiates-with" and rng.random() < 0.5:
                        s, t = t, s  # the reverse statement joins the same edge
                    ri = next(i for i, r in enumerate(RELATIONS) if r[0] == rtype)
                    emit(s, t, rtype, date, key_of(s, t, ri, date))
                    restated += 1
            rng.shuffle(rels)
            relations_total += len(rels)
            restated_total += restated
            declarations += len(decl)
            publisher = rng.choice(SOURCES)
            doc = {"id": doc_id,
                   "title": f"{publisher} policy wire {doc_day.isoformat()} #{d + 1}",
                   "date": doc_day.isoformat(), "source": publisher,
                   "url": f"https://example.com/wire/{doc_id}",
                   "entities": decl, "relations": rels}
            out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    os.replace(facts_path + ".tmp", facts_path)

    # The graph factgraph should build, for the peers: ids as the builder makes them.
    ids = [f"{types[v]}:{slugify(label[v])}" for v in range(n)]
    assert len(set(ids)) == n, "node ids collide"
    assert all(label[v] is not None for v in range(n)), "a node is never used"
    with open(os.path.join(args.out, "nodes.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tlabel\ttype\taliases\tsources\tcountry\tfounded\n")
        for v in range(n):
            als = sorted(x for x in seen_names[v] if x != label[v])
            at = attrs[v]
            f.write("\t".join([ids[v], label[v], types[v], "|".join(als), "|".join(sorted(node_docs[v])),
                               at.get("country", ""), str(at.get("founded", ""))]) + "\n")
    with open(os.path.join(args.out, "edges.tsv"), "w", encoding="utf-8") as f:
        f.write("source\ttarget\ttype\tdate\tweight\tsources\tevidence\tagent\trole\n")
        for ei in range(len(e_src)):
            m = sorted(e_mentions[ei])
            sents, seen = [], set()
            for _, s in m:
                if s and s not in seen:
                    seen.add(s)
                    sents.append(s)
            docs = sorted({doc for doc, _ in m})
            f.write("\t".join([ids[e_src[ei]], ids[e_tgt[ei]], e_type[ei], e_date[ei], str(len(m)),
                               "|".join(docs), " | ".join(sents), e_agent[ei], e_role[ei]]) + "\n")
    manifest = {"seed": args.seed, "nodes": n, "edges": len(e_src), "documents": D,
                "relations": relations_total, "restated_relations": restated_total,
                "entity_declarations": declarations,
                "facts_bytes": os.path.getsize(facts_path),
                "nodes_by_type": {t: len(v) for t, v in sorted(by_type.items())}}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
