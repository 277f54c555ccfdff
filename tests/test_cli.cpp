// End-to-end: the real binary on real files, checking exit codes, messages and outputs.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A scratch folder per test case, removed afterwards.
struct Scratch {
  fs::path dir;
  Scratch() {
    static int n = 0;
    dir = fs::temp_directory_path() / ("factgraph-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& content) const {
    const fs::path p = dir / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  [[nodiscard]] Run run(const std::string& args) const {
    Run r;
    const std::string cmd = std::string("cd '") + FACTGRAPH_SOURCE_DIR + "' && '" + FACTGRAPH_BINARY +
                            "' " + args + " >'" + (dir / "stdout").string() + "' 2>'" +
                            (dir / "stderr").string() + "'";
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(dir / "stdout");
    r.err = slurp(dir / "stderr");
    return r;
  }
  // Files in the scratch folder other than the captured streams and given inputs.
  [[nodiscard]] bool has(const std::string& name) const { return fs::exists(dir / name); }
  [[nodiscard]] std::size_t leftovers() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
  }
};

const std::string kFacts = R"({"id": "doc-1", "date": "2019-05-16",
  "entities": [{"name": "Huawei Technologies Co., Ltd.", "type": "firm", "aliases": ["Huawei"]},
               {"name": "Entity List", "type": "list"}],
  "relations": [{"type": "added-to-list", "source": "Huawei", "target": "Entity List", "date": "2019-05-16"}]}
)";

}  // namespace

TEST_CASE("cli: build samples writes every format, deterministically") {
  Scratch s;
  const Run r = s.run("build samples -o " + (s.dir / "a.graphml").string() + " -o " +
                      (s.dir / "a.dot").string() + " -o " + (s.dir / "a.json").string() + " -o " +
                      (s.dir / "a.gexf").string());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(slurp(s.dir / "a.graphml").find("<graphml") != std::string::npos);
  CHECK(slurp(s.dir / "a.dot").find("digraph") != std::string::npos);
  const Run again = s.run("build samples/articles samples/facts -o " + (s.dir / "b.graphml").string());
  REQUIRE(again.status == 0);
  CHECK(slurp(s.dir / "a.graphml") == slurp(s.dir / "b.graphml"));
}

TEST_CASE("cli: --jobs changes nothing in the output, for build and extract") {
  Scratch s;
  auto output = [&](const char* jobs, const char* extension) {
    return (s.dir / (std::string("b") + jobs + extension)).string();
  };
  for (const char* jobs : {"1", "2", "3"}) {
    const Run b = s.run(std::string("build samples --jobs ") + jobs + " -o " + output(jobs, ".json") +
                        " -o " + output(jobs, ".graphml") + " -o " + output(jobs, ".gexf") + " -o " +
                        output(jobs, ".dot"));
    INFO(b.err);
    REQUIRE(b.status == 0);
    const Run x = s.run(std::string("extract samples/articles tests/data/articles --jobs ") + jobs +
                        " -o " + (s.dir / (std::string("x") + jobs + ".json")).string());
    INFO(x.err);
    REQUIRE(x.status == 0);
  }
  for (const char* extension : {".json", ".graphml", ".gexf", ".dot"}) {
    CAPTURE(extension);
    CHECK(slurp(output("1", extension)) == slurp(output("2", extension)));
    CHECK(slurp(output("1", extension)) == slurp(output("3", extension)));
  }
  CHECK(slurp(s.dir / "x1.json") == slurp(s.dir / "x2.json"));
  CHECK(slurp(s.dir / "x1.json") == slurp(s.dir / "x3.json"));
}

TEST_CASE("cli: graph JSON exports to the same bytes as a direct build") {
  Scratch s;
  REQUIRE(s.run("build samples -o " + (s.dir / "g.json").string() + " -o " + (s.dir / "g.graphml").string() +
                " -o " + (s.dir / "g.dot").string()).status == 0);
  const Run r = s.run("export " + (s.dir / "g.json").string() + " -o " + (s.dir / "h.graphml").string() +
                      " -o " + (s.dir / "h.dot").string() + " -o " + (s.dir / "h.json").string());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(slurp(s.dir / "g.graphml") == slurp(s.dir / "h.graphml"));
  CHECK(slurp(s.dir / "g.dot") == slurp(s.dir / "h.dot"));
  CHECK(slurp(s.dir / "g.json") == slurp(s.dir / "h.json"));
}

TEST_CASE("cli: input order on the command line does not change the output") {
  Scratch s;
  const auto a = s.write("in/a.json", kFacts);
  const auto b = s.write("in/b.json", R"({"id": "doc-2", "entities": [{"name": "Huawei", "type": "firm"},
    {"name": "Bureau of Industry and Security", "type": "agency", "aliases": ["BIS"]}],
    "relations": [{"type": "sanctions", "source": "BIS", "target": "Huawei"}]})");
  REQUIRE(s.run("build " + a.string() + " " + b.string() + " -o " + (s.dir / "1.json").string()).status == 0);
  REQUIRE(s.run("build " + b.string() + " " + a.string() + " -o " + (s.dir / "2.json").string()).status == 0);
  CHECK(slurp(s.dir / "1.json") == slurp(s.dir / "2.json"));
}

TEST_CASE("cli: stdout output and stats") {
  Scratch s;
  const auto f = s.write("f.json", kFacts);
  const Run dot = s.run("build " + f.string() + " -o - --format dot");
  REQUIRE(dot.status == 0);
  CHECK(dot.out.find("digraph") == 0);
  const Run stats = s.run("stats " + f.string() + " --json");
  REQUIRE(stats.status == 0);
  CHECK(stats.out.find("\"nodes\":2,\"edges\":1,\"documents\":1") != std::string::npos);
}

TEST_CASE("cli: queries answer on the samples") {
  Scratch s;
  const auto graph = s.dir / "g.json";
  REQUIRE(s.run("build samples -o " + graph.string()).status == 0);
  const Run added = s.run("query " + graph.string() + " --edges added-to-list");
  REQUIRE(added.status == 0);
  CHECK(added.out.find("Entity List") != std::string::npos);
  CHECK(added.out.find("added-to-list") != std::string::npos);
  const Run types = s.run("query " + graph.string() + " --type list --json");
  REQUIRE(types.status == 0);
  CHECK(types.out.find("\"type\":\"list\"") != std::string::npos);
  const Run typo = s.run("query " + graph.string() + " --neighbours Huawai");
  CHECK(typo.status == 1);
  CHECK(typo.err.find("no node named 'Huawai'; did you mean: Huawei") != std::string::npos);
  const Run ego = s.run("query " + graph.string() + " --ego Huawei --radius 1 -o " + (s.dir / "ego.dot").string());
  REQUIRE(ego.status == 0);
  CHECK(s.has("ego.dot"));
}

TEST_CASE("cli: usage errors exit 2 with a hint") {
  Scratch s;
  const Run typo = s.run("biuld samples");
  CHECK(typo.status == 2);
  CHECK(typo.err.find("unknown command 'biuld'; did you mean 'build'?") != std::string::npos);
  const Run no_out = s.run("build samples");
  CHECK(no_out.status == 2);
  CHECK(no_out.err.find("no -o OUT given") != std::string::npos);
  const Run bad_ext = s.run("build samples -o " + (s.dir / "x.png").string());
  CHECK(bad_ext.status == 2);
  CHECK_FALSE(s.has("x.png"));
  const Run bad_option = s.run("build samples --frobnicate -o x.json");
  CHECK(bad_option.status == 2);
  CHECK(s.run("--version").out.find("factgraph ") == 0);
  CHECK(s.run("help").out.find("query") != std::string::npos);
  CHECK(s.run("query --help").status == 0);
}

TEST_CASE("cli: bad inputs fail with a precise message and no output") {
  Scratch s;
  const std::string out = (s.dir / "out.graphml").string();
  struct Case {
    std::string file, content, message;
  };
  const Case cases[] = {
      {"truncated.json", "{\"id\": \"x\", \"entities\": [", "truncated.json:1:"},
      {"types.json", "{\"entities\": [{\"name\": \"A\", \"type\": 5}]}", "entities[0].type: expected a string"},
      {"unknown.json",
       "{\"id\": \"d\", \"entities\": [{\"name\": \"Huawei\", \"type\": \"firm\"}],\n \"relations\": [{\"type\": "
       "\"sanctions\", \"source\": \"Huawei\", \"target\": \"Huawai\"}]}",
       "unknown entity \"Huawai\" in document \"d\""},
      {"bad.txt", "date 2020-01-01: caf\xff here", "bad.txt:1:21: error: invalid UTF-8 byte 0xFF (byte offset 20)"},
      {"empty.txt", "  \n", "empty.txt: error: empty file"},
      {"empty.json", "", "empty.json: error: empty file"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const auto path = s.write(c.file, c.content);
    const Run r = s.run("build " + path.string() + " -o " + out);
    CHECK(r.status == 1);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK(s.leftovers() == 0);
  }
}

TEST_CASE("cli: missing paths, unrelated folders and unwritable outputs") {
  Scratch s;
  const std::string out = (s.dir / "out.json").string();
  const Run missing = s.run("build " + (s.dir / "nope").string() + " -o " + out);
  CHECK(missing.status == 1);
  CHECK(missing.err.find("nope: error: no such file or folder") != std::string::npos);
  s.write("junk/a.png", "x");
  s.write("junk/b.csv", "x");
  const Run junk = s.run("build " + (s.dir / "junk").string() + " -o " + out);
  CHECK(junk.status == 1);
  CHECK(junk.err.find("skipped") != std::string::npos);
  CHECK(junk.err.find("no input documents found") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  const auto f = s.write("f.json", kFacts);
  const Run unwritable = s.run("build " + f.string() + " -o " + (s.dir / "no/such/dir/out.json").string());
  CHECK(unwritable.status == 1);
  CHECK(unwritable.err.find("out.json: cannot open for writing") != std::string::npos);
}

TEST_CASE("cli: an article with a malformed dateline is bad input") {
  Scratch s;
  const auto a = s.write("a.txt", "date 2019-02-30 Beijing: The Commerce Department added Huawei.\n");
  const std::string out = (s.dir / "out.json").string();
  const Run r = s.run("build " + a.string() + " -o " + out);
  CHECK(r.status == 1);
  CHECK(r.err.find("a.txt:1:6: error: malformed dateline") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  const Run x = s.run("extract " + a.string() + " -o " + out);
  CHECK(x.status == 1);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("cli: several outputs land together or not at all") {
  Scratch s;
  const auto f = s.write("f.json", kFacts);
  s.write("old.graphml", "previous content");
  const std::string good = (s.dir / "old.graphml").string();
  const std::string also = (s.dir / "new.dot").string();
  const Run r = s.run("build " + f.string() + " -o " + good + " -o " + also + " -o " +
                      (s.dir / "no/such/dir/out.json").string());
  CHECK(r.status == 1);
  CHECK(r.err.find("out.json: cannot open for writing") != std::string::npos);
  CHECK(slurp(s.dir / "old.graphml") == "previous content");
  CHECK_FALSE(fs::exists(also));
  CHECK(s.leftovers() == 0);
  const Run ok = s.run("build " + f.string() + " -o " + good + " -o " + also);
  CHECK(ok.status == 0);
  CHECK(slurp(s.dir / "old.graphml").starts_with("<?xml"));
  CHECK(fs::exists(also));
  CHECK(s.leftovers() == 0);
}

TEST_CASE("cli: a pipe or a symbolic link as the output stays what it is") {
  Scratch s;
  const auto f = s.write("f.json", kFacts);
  const fs::path fifo = s.dir / "pipe.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // What the pipe carries is the run's stdout. The reader gives up after a while, so a writer
  // that replaced the pipe fails the test instead of hanging it.
  const Run piped = s.run("build " + f.string() + " -o " + fifo.string() + " & timeout 20 cat '" +
                          fifo.string() + "'");
  CHECK(piped.status == 0);
  CHECK(fs::is_fifo(fifo));
  CHECK(piped.out.find("\"Huawei Technologies Co., Ltd.\"") != std::string::npos);
  CHECK(s.leftovers() == 0);

  s.write("real/graph.dot", "old");
  fs::create_directory_symlink("real", s.dir / "via");
  fs::create_symlink("via/graph.dot", s.dir / "link.dot");
  const Run linked = s.run("build " + f.string() + " -o " + (s.dir / "link.dot").string());
  CHECK(linked.status == 0);
  CHECK(fs::is_symlink(s.dir / "link.dot"));
  CHECK(slurp(s.dir / "real/graph.dot").starts_with("digraph"));
  CHECK(s.leftovers() == 0);
}

TEST_CASE("cli: folders are searched to any depth, links to files count, links to folders do not") {
  Scratch s;
  s.write("in/a/b/deep.json", kFacts);
  s.write("in/.hidden.json", kFacts);
  s.write("in/notes.csv", "x");
  fs::create_symlink("a/b/deep.json", s.dir / "in/linked.json");
  fs::create_directory_symlink("a", s.dir / "in/loop");  // would list deep.json again, or cycle
  fs::create_directory_symlink(".", s.dir / "in/a/self");
  fs::create_symlink("nowhere.json", s.dir / "in/dangling.json");
  const Run r = s.run("build " + (s.dir / "in").string() + " -o " + (s.dir / "g.json").string());
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.find("from 2 documents") != std::string::npos);  // deep.json and linked.json
  CHECK(r.err.find(".hidden.json: skipped") != std::string::npos);
  CHECK(r.err.find("notes.csv: skipped") != std::string::npos);
  CHECK(r.err.find("dangling") == std::string::npos);
}

TEST_CASE("cli: --keep-going writes the good documents and still exits 1") {
  Scratch s;
  s.write("in/good.json", kFacts);
  s.write("in/bad.json", "{\"entities\": [{\"name\": 3, \"type\": \"firm\"}]}");
  const std::string out = (s.dir / "out.json").string();
  const Run stop = s.run("build " + (s.dir / "in").string() + " -o " + out);
  CHECK(stop.status == 1);
  CHECK_FALSE(fs::exists(out));
  const Run go = s.run("build " + (s.dir / "in").string() + " --keep-going -o " + out);
  CHECK(go.status == 1);
  CHECK(go.err.find("bad.json:1:") != std::string::npos);
  REQUIRE(fs::exists(out));
  CHECK(slurp(out).find("Huawei") != std::string::npos);
}

TEST_CASE("cli: extract output re-ingests to the same graph") {
  Scratch s;
  const std::string facts = (s.dir / "facts.json").string();
  const Run ex = s.run("extract samples/articles -o " + facts);
  INFO(ex.err);
  REQUIRE(ex.status == 0);
  REQUIRE(s.run("build samples/articles -o " + (s.dir / "a.graphml").string()).status == 0);
  REQUIRE(s.run("build " + facts + " -o " + (s.dir / "b.graphml").string()).status == 0);
  CHECK(slurp(s.dir / "a.graphml") == slurp(s.dir / "b.graphml"));
}

TEST_CASE("cli: --lexicon adds actors, a malformed lexicon is an error") {
  Scratch s;
  const auto lex = s.write("firms.tsv", "name\ttype\taliases\nZorvex Dynamics\tfirm\tZorvex\n");
  const auto article = s.write("a.txt", "date 2021-01-01: OFAC sanctioned Zorvex on Monday.\n");
  const Run plain = s.run("extract " + article.string());
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find("Zorvex Dynamics") == std::string::npos);
  const Run with = s.run("extract " + article.string() + " --lexicon " + lex.string());
  REQUIRE(with.status == 0);
  CHECK(with.out.find("\"name\": \"Zorvex Dynamics\"") != std::string::npos);
  CHECK(with.out.find("\"date\": \"2020-12-28\"") != std::string::npos);
  const auto bad = s.write("bad.tsv", "name\ttype\taliases\nonly-one-column\n");
  const Run broken = s.run("extract " + article.string() + " --lexicon " + bad.string());
  CHECK(broken.status == 1);
  CHECK(broken.err.find("bad.tsv:2:1: error: expected 3 tab-separated columns") != std::string::npos);
}

TEST_CASE("cli: build mixes articles and facts into one merged graph") {
  Scratch s;
  const auto facts = s.write("in/f.json", kFacts);
  s.write("in/a.txt", "date 2019-05-20 Washington: Beijing condemned the addition of Huawei to the Entity List.\n");
  const Run r = s.run("stats " + (s.dir / "in").string() + " --json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\"documents\":2") != std::string::npos);
  const Run q = s.run("query " + (s.dir / "in").string() + " --neighbours \"Entity List\" --json");
  REQUIRE(q.status == 0);
  CHECK(q.out.find("\"type\":\"added-to-list\"") != std::string::npos);
  const Run c = s.run("query " + (s.dir / "in").string() + " --edges condemns");
  REQUIRE(c.status == 0);
  CHECK(c.out.find("China") != std::string::npos);
  CHECK(q.out.find("\"type\":\"added-to-list\"") != std::string::npos);
}

TEST_CASE("cli: extract lays out facts and articles alike on any number of threads") {
  // Articles are laid out from their text on the extracting thread, facts as read: the output
  // must not depend on which thread did which, in either layout.
  Scratch s;
  s.write("in/f.json", kFacts);
  // Long enough to need several reads of the file and a document larger than a write chunk.
  std::string long_article = "date 2019-05-20 Washington:";
  for (int i = 0; i < 1500; ++i)
    long_article += " The Commerce Department added Huawei Technologies Co., Ltd. to the Entity List.\n";
  s.write("in/long.txt", long_article);
  for (const char* name : {"a.txt", "b.txt", "c.txt"})
    s.write(std::string("in/") + name,
            "date 2020-07-09 Beijing: China condemned the sanctions on Xinjiang officials.\n");
  for (const char* layout : {"", " --jsonl"}) {
    std::string first;
    for (const char* jobs : {"1", "2", "3"}) {
      const Run r = s.run("extract " + (s.dir / "in").string() + " --jobs " + jobs + layout);
      INFO(r.err);
      REQUIRE(r.status == 0);
      if (first.empty()) first = r.out;
      CHECK(r.out == first);
    }
    CHECK(first.find("Huawei") != std::string::npos);
    CHECK(first.find("\"sentence\"") != std::string::npos);
  }
}
